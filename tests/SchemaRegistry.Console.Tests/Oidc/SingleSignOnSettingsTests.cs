using SchemaRegistry.Ui.Tests.Harness;

namespace SchemaRegistry.Ui.Tests.Oidc;

public sealed class SingleSignOnSettingsTests
{
    [Fact]
    public async Task A_console_client_id_without_an_authority_stops_the_start_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ConsoleServer.StartAsync(new Dictionary<string, string?>
        {
            ["Registry:Console:OidcClientId"] = "schemareg-console",
        }));
        Assert.Contains("Registry:Oidc:Authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_metadata_is_refused_for_an_authority_that_is_not_loopback()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ConsoleServer.StartAsync(new Dictionary<string, string?>
        {
            ["Registry:Oidc:Authority"] = "http://idp.example",
            ["Registry:Oidc:Audience"] = "schemareg-api",
            ["Registry:Oidc:RequireHttpsMetadata"] = "false",
            ["Registry:Console:OidcClientId"] = "schemareg-console",
        }));
        Assert.Contains("RequireHttpsMetadata", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_console_client_the_sign_in_page_offers_no_single_sign_on()
    {
        await using var server = await ConsoleServer.StartAsync(new Dictionary<string, string?>
        {
            ["Registry:Oidc:Authority"] = "https://idp.example",
            ["Registry:Oidc:Audience"] = "schemareg-api",
        });
        using var http = server.Http();
        var page = await http.GetStringAsync("/ui/signin");
        Assert.Contains("API key", page, StringComparison.Ordinal);
        Assert.DoesNotContain("single sign-on", page, StringComparison.Ordinal);
    }
}
