using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Core.Tests.Security;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static ApiKey Key(DateTimeOffset? expiresAt = null, DateTimeOffset? revokedAt = null) =>
        new("key_abc123def456", "ci", Role.PipelineRunner, "hash", "sr_AbCd", Now.AddDays(-30), "admin", expiresAt, revokedAt);

    [Fact]
    public void Key_without_expiry_or_revocation_is_active()
    {
        Assert.True(Key().IsActive(Now));
    }

    [Fact]
    public void Key_expiring_later_is_active()
    {
        Assert.True(Key(expiresAt: Now.AddTicks(1)).IsActive(Now));
    }

    [Fact]
    public void Key_expiring_right_now_is_inactive()
    {
        Assert.False(Key(expiresAt: Now).IsActive(Now));
    }

    [Fact]
    public void Expired_key_is_inactive()
    {
        Assert.False(Key(expiresAt: Now.AddDays(-1)).IsActive(Now));
    }

    [Fact]
    public void Revoked_key_is_inactive_even_before_it_expires()
    {
        Assert.False(Key(expiresAt: Now.AddDays(30), revokedAt: Now.AddDays(-1)).IsActive(Now));
    }

    [Fact]
    public void Key_revoked_in_the_future_is_already_inactive()
    {
        Assert.False(Key(revokedAt: Now.AddDays(1)).IsActive(Now));
    }

    [Fact]
    public void Principal_carries_the_keys_id_name_and_role()
    {
        Assert.Equal(new Principal("key_abc123def456", "ci", Role.PipelineRunner), Key().ToPrincipal());
    }
}
