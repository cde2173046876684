using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SchemaRegistry.Client;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Tests.Harness;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>
/// JWT bearer tokens from a configured issuer beside API keys, with tokens signed by keys the test makes: an RSA
/// key given as PEM text and an ECDSA key given as a PEM file (Issuer + SigningKeys, nothing fetched).
/// </summary>
public sealed class OidcTests : IAsyncLifetime
{
    private const string Issuer = "https://idp.example.test/realms/data";
    private const string Audience = "schemareg";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly RSA _stranger = RSA.Create(2048);
    private readonly TempDirectory _dir = new();
    private RegistryServer _server = null!;

    public async Task InitializeAsync()
    {
        var ecFile = Path.Combine(_dir.Path, "ec-public.pem");
        await File.WriteAllTextAsync(ecFile, _ecdsa.ExportSubjectPublicKeyInfoPem());
        _server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Registry:Oidc:Issuer"] = Issuer,
            ["Registry:Oidc:Audience"] = Audience,
            ["Registry:Oidc:SigningKeys:0"] = _rsa.ExportSubjectPublicKeyInfoPem(),
            ["Registry:Oidc:SigningKeys:1"] = ecFile,
            ["Registry:Oidc:RoleClaim"] = "groups",
            ["Registry:Oidc:RoleMap:registry-admins"] = "schema-admin",
            ["Registry:Oidc:RoleMap:data-engineers"] = "ops-engineer",
            ["Registry:Oidc:RoleMap:everyone"] = "reader",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
        _rsa.Dispose();
        _ecdsa.Dispose();
        _stranger.Dispose();
    }

    private string Token(string sub, object? groups, string? name = null, Action<SecurityTokenDescriptor>? change = null, SigningCredentials? signing = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = sub };
        if (groups is not null)
        {
            claims["groups"] = groups;
        }
        if (name is not null)
        {
            claims["preferred_username"] = name;
        }
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            Claims = claims,
            SigningCredentials = signing ?? new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private HttpClient Http(string token) => _server.Http(token);

    [Fact]
    public async Task An_admin_token_registers_and_publishes_and_approval_needs_a_different_subject()
    {
        const string fqid = "finance.gdp.invoice:v1.0";
        using var alice = _server.Client(Token("alice-sub", new[] { "registry-admins" }, "alice"));
        using var bob = _server.Client(Token("bob-sub", new[] { "everyone", "registry-admins" }, "bob"));

        await alice.RegisterAsync(Schemas.Draft(fqid));
        await alice.ValidateAsync(fqid);
        await alice.SubmitAsync(fqid);
        var self = await Assert.ThrowsAsync<RegistryApiException>(() => alice.ApproveAsync(fqid));
        Assert.Equal(("VAL-1203", 403), (self.Code, self.Status));
        await bob.ApproveAsync(fqid);
        var published = await alice.PublishAsync(fqid);

        Assert.Equal("published", published.State);
        var approve = published.History.Single(h => h.Action == "approve");
        Assert.Equal(("bob", $"oidc:{Issuer}:bob-sub", "schema-admin"), (approve.Principal, approve.PrincipalId, approve.Role));
        Assert.Equal($"oidc:{Issuer}:alice-sub", published.History.Single(h => h.Action == "submit").PrincipalId);
    }

    [Fact]
    public async Task A_reader_token_reads_but_cannot_write()
    {
        using var http = Http(Token("rita", new[] { "everyone" }));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("v1/subjects")).StatusCode);
        var problem = await (await http.PostAsJsonAsync("v1/schema", Schemas.Draft("sales.raw.lead:v1.0"))).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        Assert.Contains("reader", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_mapped_roles_give_the_most_privileged_one()
    {
        using var ops = _server.Client(Token("olga", "everyone data-engineers"));
        await ops.RegisterAsync(Schemas.Draft("sales.raw.lead:v1.0"));
        await ops.ValidateAsync("sales.raw.lead:v1.0");
        var submitted = await ops.SubmitAsync("sales.raw.lead:v1.0");
        Assert.Equal("ops-engineer", submitted.History.Last().Role);
        Assert.Equal("olga", submitted.History.Last().Principal); // no preferred_username: the name is the subject
        var error = await Assert.ThrowsAsync<RegistryApiException>(() => ops.PublishAsync("sales.raw.lead:v1.0", force: true, reason: "x"));
        Assert.Equal(("AUTH-1002", 403), (error.Code, error.Status));
    }

    [Fact]
    public async Task A_comma_separated_role_claim_and_an_ecdsa_signed_token_work()
    {
        var signing = new SigningCredentials(new ECDsaSecurityKey(_ecdsa), SecurityAlgorithms.EcdsaSha256);
        using var http = Http(Token("erin", "unrelated,registry-admins", signing: signing));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("v1/keys")).StatusCode);
    }

    [Fact]
    public async Task A_valid_token_that_maps_to_no_role_is_forbidden_with_a_clear_reason()
    {
        using var http = Http(Token("nora", new[] { "marketing", "sales" }, "nora"));
        var problem = await (await http.GetAsync("v1/subjects")).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        Assert.Contains("maps to no registry role", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("'marketing', 'sales'", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("RoleMap", problem.Detail, StringComparison.Ordinal);

        using var none = Http(Token("nobody", groups: null));
        var empty = await (await none.GetAsync("v1/keys")).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        Assert.Contains("holds nothing", empty.Detail, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
    }

    [Theory]
    [InlineData("expired", "expired")]
    [InlineData("not-yet-valid", "not valid before")]
    [InlineData("wrong-audience", "audience 'someone-else'")]
    [InlineData("wrong-issuer", "issuer 'https://evil.example.test'")]
    [InlineData("unknown-key", "signature")]
    [InlineData("tampered", "signature")]
    [InlineData("alg-none", "signature")]
    [InlineData("hmac-with-the-public-key", "signing key")]
    [InlineData("no-subject", "'sub'")]
    [InlineData("garbage", "well-formed")]
    public async Task Invalid_tokens_are_refused_with_AUTH_1001_and_the_reason(string kind, string reason)
    {
        var token = kind switch
        {
            "expired" => Token("u", new[] { "registry-admins" }, change: d =>
            {
                d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddMinutes(-20);
                d.Expires = DateTime.UtcNow.AddMinutes(-5);
            }),
            "not-yet-valid" => Token("u", new[] { "registry-admins" }, change: d =>
            {
                d.NotBefore = DateTime.UtcNow.AddMinutes(5);
                d.Expires = DateTime.UtcNow.AddMinutes(20);
            }),
            "wrong-audience" => Token("u", new[] { "registry-admins" }, change: d => d.Audience = "someone-else"),
            "wrong-issuer" => Token("u", new[] { "registry-admins" }, change: d => d.Issuer = "https://evil.example.test"),
            "unknown-key" => Token("u", new[] { "registry-admins" },
                signing: new SigningCredentials(new RsaSecurityKey(_stranger) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha256)),
            "tampered" => Tamper(Token("u", new[] { "everyone" })),
            "alg-none" => Unsigned("""{"alg":"none","typ":"JWT"}"""),
            "hmac-with-the-public-key" => Token("u", new[] { "registry-admins" }, signing: new SigningCredentials(
                new SymmetricSecurityKey(Encoding.ASCII.GetBytes(_rsa.ExportSubjectPublicKeyInfoPem())), SecurityAlgorithms.HmacSha256)),
            "no-subject" => Token("u", new[] { "registry-admins" }, change: d => d.Claims.Remove("sub")),
            "garbage" => "not.a.jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        using var http = Http(token);
        var response = await http.GetAsync("v1/subjects");
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized, "AUTH-1001");
        Assert.Contains(reason, problem.Detail, StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    /// <summary>A token whose payload says admin while its signature is the reader token's.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("everyone", "registry-admins", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    /// <summary>An unsigned token (<c>header.payload.</c>) claiming admin.</summary>
    private static string Unsigned(string header)
    {
        var payload = $$"""{"iss":"{{Issuer}}","aud":"{{Audience}}","sub":"mallory","groups":["registry-admins"],"exp":{{DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds()}}}""";
        return $"{Base64UrlEncoder.Encode(header)}.{Base64UrlEncoder.Encode(payload)}.";
    }

    [Fact]
    public async Task Api_keys_keep_working_beside_tokens()
    {
        using var admin = _server.Http();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("v1/keys")).StatusCode);
        using var reader = _server.Http(await _server.KeyAsync("reader", "reader"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("v1/subjects")).StatusCode);
        await (await reader.GetAsync("v1/keys")).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        using var unknown = _server.Http("sr_not_a_real_key");
        var problem = await (await unknown.GetAsync("v1/subjects")).ProblemAsync(HttpStatusCode.Unauthorized, "AUTH-1001");
        Assert.Contains("not known", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_bearer_values_with_two_dots_go_to_the_token_handler()
    {
        Assert.True(OidcAuthentication.IsJwt("Bearer a.b.c"));
        Assert.True(OidcAuthentication.IsJwt("bearer a.b."));
        Assert.False(OidcAuthentication.IsJwt("Bearer sr_abcdef"));
        Assert.False(OidcAuthentication.IsJwt("Bearer a.b.c.d.e"));
        Assert.False(OidcAuthentication.IsJwt("Basic a.b.c"));
        Assert.False(OidcAuthentication.IsJwt(null));
    }

    [Fact]
    public void Signing_keys_load_from_a_jwk_set_and_refuse_private_and_symmetric_keys()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = "k1" });
        var set = $$"""{"keys":[{"kty":"RSA","kid":"k1","n":"{{jwk.N}}","e":"{{jwk.E}}"}]}""";
        Assert.Equal("k1", Assert.Single(OidcSigningKeys.Load([set])).KeyId);

        Assert.Throws<InvalidOperationException>(() => OidcSigningKeys.Load([_rsa.ExportPkcs8PrivateKeyPem()]));
        Assert.Throws<InvalidOperationException>(() => OidcSigningKeys.Load(["""{"kty":"oct","k":"c2VjcmV0"}"""]));
        Assert.Throws<InvalidOperationException>(() => OidcSigningKeys.Load(["/no/such/file.pem"]));
    }

    [Fact]
    public async Task Misconfiguration_fails_at_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Registry:Oidc:Issuer"] = Issuer,
            ["Registry:Oidc:SigningKeys:0"] = _rsa.ExportSubjectPublicKeyInfoPem(),
        }));
        Assert.Contains("Audience", error.Message, StringComparison.Ordinal);
        error = await Assert.ThrowsAsync<InvalidOperationException>(() => RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Registry:Oidc:Issuer"] = Issuer,
            ["Registry:Oidc:Audience"] = Audience,
            ["Registry:Oidc:SigningKeys:0"] = _rsa.ExportSubjectPublicKeyInfoPem(),
            ["Registry:Oidc:RoleMap:admins"] = "superuser",
        }));
        Assert.Contains("superuser", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_authority_the_keys_are_discovered_and_role_names_map_to_themselves()
    {
        await using var idp = await MetadataServer.StartAsync(_rsa, "disc-1");
        await using var server = await RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Registry:Oidc:Authority"] = idp.Issuer,
            ["Registry:Oidc:RequireHttpsMetadata"] = "false",
            ["Registry:Oidc:Audience"] = Audience,
        });
        var token = Token("dora", new[] { "schema-admin" }, "dora", change: d =>
        {
            d.Issuer = idp.Issuer;
            d.Claims["roles"] = new[] { "reader", "pipeline-runner" };
        }, signing: new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "disc-1" }, SecurityAlgorithms.RsaSha256));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // The role claim defaults to "roles" (groups are ignored here); pipeline-runner outranks reader.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("v1/subjects")).StatusCode);
        await (await http.GetAsync("v1/keys")).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        var problem = await (await http.PostAsJsonAsync("v1/schema", Schemas.Draft("sales.raw.lead:v1.0"))).ProblemAsync(HttpStatusCode.Forbidden, "AUTH-1002");
        Assert.Contains("pipeline-runner", problem.Detail, StringComparison.Ordinal);
        Assert.True(idp.JwksRequests > 0);
    }

    /// <summary>A minimal OpenID provider on loopback: discovery document and JWKS only.</summary>
    private sealed class MetadataServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _jwksRequests;

        private MetadataServer(WebApplication app) => _app = app;

        public string Issuer => _app.Urls.First();

        public int JwksRequests => _jwksRequests;

        public static async Task<MetadataServer> StartAsync(RSA rsa, string kid)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var server = new MetadataServer(app);
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = kid });
            app.MapGet("/.well-known/openid-configuration", () => Results.Text(
                $$"""{"issuer":"{{server.Issuer}}","jwks_uri":"{{server.Issuer}}/jwks","id_token_signing_alg_values_supported":["RS256"]}""",
                "application/json"));
            app.MapGet("/jwks", () =>
            {
                Interlocked.Increment(ref server._jwksRequests);
                return Results.Text($$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{kid}}","n":"{{jwk.N}}","e":"{{jwk.E}}"}]}""", "application/json");
            });
            await app.StartAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
