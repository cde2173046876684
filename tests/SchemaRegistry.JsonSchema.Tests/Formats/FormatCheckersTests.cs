using SchemaRegistry.JsonSchema.Formats;

namespace SchemaRegistry.JsonSchema.Tests.Formats;

public sealed class FormatCheckersTests
{
    private static bool Check(string format, string value)
    {
        var checker = FormatCheckers.Get(format);
        Assert.NotNull(checker);
        return checker(value);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("Date-Time")]
    [InlineData("int32")]
    [InlineData("")]
    public void Unknown_formats_have_no_checker(string format) => Assert.Null(FormatCheckers.Get(format));

    [Fact]
    public void The_same_checker_instance_is_returned_every_time() =>
        Assert.Same(FormatCheckers.Get("date-time"), FormatCheckers.Get("date-time"));

    [Theory]
    [InlineData("2024-02-29T12:00:00Z", true)]
    [InlineData("2023-02-29T12:00:00Z", false)]
    [InlineData("1900-02-29T12:00:00Z", false)]
    [InlineData("2000-02-29T12:00:00Z", true)]
    [InlineData("2024-01-01t00:00:00z", true)]
    [InlineData("2024-01-01 00:00:00Z", false)]
    [InlineData("2024-01-01T00:00:00.Z", false)]
    [InlineData("2024-01-01T00:00:00.123456789+14:00", true)]
    [InlineData("2024-01-01T00:00:00+1400", false)]
    [InlineData("2016-12-31T23:59:60Z", true)]
    [InlineData("2017-01-01T00:59:60+01:00", true)]
    [InlineData("2017-01-01T00:59:60+02:00", false)]
    [InlineData("2024-01-01T00:00:00", false)]
    public void Date_time_follows_RFC_3339(string value, bool expected) => Assert.Equal(expected, Check("date-time", value));

    [Theory]
    [InlineData("00:00:00Z", true)]
    [InlineData("23:59:59.9-23:59", true)]
    [InlineData("12:00:60+12:01", true)]
    [InlineData("12:00:60+12:00", false)]
    [InlineData("11:59:60-12:00", true)]
    [InlineData("12:00:00+24:00", false)]
    [InlineData("12:00Z", false)]
    public void Time_requires_an_offset_and_checks_leap_seconds_in_UTC(string value, bool expected) =>
        Assert.Equal(expected, Check("time", value));

    [Theory]
    [InlineData("P1Y2M3DT4H5M6S", true)]
    [InlineData("p1d", true)]
    [InlineData("P1W", true)]
    [InlineData("PT1H1S", false)]
    [InlineData("P1M1Y", false)]
    [InlineData("P1DT", false)]
    [InlineData("P1.5D", false)]
    public void Duration_follows_the_RFC_3339_appendix_A_grammar(string value, bool expected) =>
        Assert.Equal(expected, Check("duration", value));

    [Theory]
    [InlineData("a@b", true)]
    [InlineData("first.last+tag@sub.example.org", true)]
    [InlineData("\"a\\\"b\"@example.com", true)]
    [InlineData("\"a\\\u0001b\"@example.com", false)]
    [InlineData("a@[IPv6:2001:db8::1]", true)]
    [InlineData("a@[ipv6:::1]", true)]
    [InlineData("a@[300.1.1.1]", false)]
    [InlineData("a@[tag:value]", false)]
    [InlineData("a@-example.com", false)]
    [InlineData("a@example..com", false)]
    [InlineData("é@example.com", false)]
    public void Email_follows_RFC_5321(string value, bool expected) => Assert.Equal(expected, Check("email", value));

    [Theory]
    [InlineData("é@example.com", true)]
    [InlineData("用户@例子.广告", true)]
    [InlineData("a@exa mple.com", false)]
    public void Idn_email_follows_RFC_6531(string value, bool expected) => Assert.Equal(expected, Check("idn-email", value));

    [Fact]
    public void The_local_part_is_at_most_64_octets()
    {
        Assert.True(Check("email", new string('a', 64) + "@example.com"));
        Assert.False(Check("email", new string('a', 65) + "@example.com"));
        Assert.True(Check("idn-email", new string('é', 32) + "@example.com"));
        Assert.False(Check("idn-email", new string('é', 33) + "@example.com"));
    }

    [Theory]
    [InlineData("EXAMPLE.com", true)]
    [InlineData("a", true)]
    [InlineData("1.2.3.4", true)]
    [InlineData("ab--cd.example", true)]
    [InlineData("xn--bcher-kva.example", true)]
    [InlineData("XN--BCHER-KVA.example", true)]
    [InlineData("xn--abc-.example", false)]
    [InlineData("xn--a.example", false)]
    [InlineData("bücher.example", false)]
    [InlineData("a_b.example", false)]
    [InlineData("example.com.", false)]
    public void Hostname_follows_RFC_1123_and_checks_A_labels(string value, bool expected) =>
        Assert.Equal(expected, Check("hostname", value));

    [Fact]
    public void Hostname_total_length_is_at_most_253()
    {
        var label = new string('a', 63);
        var name253 = string.Join('.', label, label, label, new string('a', 61));
        Assert.Equal(253, name253.Length);
        Assert.True(Check("hostname", name253));
        Assert.False(Check("hostname", name253 + "a"));
    }

    [Theory]
    [InlineData("bücher.example", true)]
    [InlineData("BÜCHER.example", false)]
    [InlineData("例子。测试", true)]
    [InlineData("ﬁx.example", false)]
    [InlineData("a\u200Bb", false)]
    [InlineData("\U0001F600.example", false)]
    [InlineData("مثال.إختبار", true)]
    [InlineData("مثال.example", true)]
    [InlineData("1مثال", false)]
    public void Idn_hostname_follows_IDNA2008(string value, bool expected) => Assert.Equal(expected, Check("idn-hostname", value));

    [Theory]
    [InlineData("0.0.0.0", true)]
    [InlineData("01.0.0.0", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4.", false)]
    [InlineData("1000.2.3.4", false)]
    public void Ipv4_is_a_strict_dotted_quad(string value, bool expected) => Assert.Equal(expected, Check("ipv4", value));

    [Theory]
    [InlineData("2001:db8::1", true)]
    [InlineData("::ffff:1.2.3.4", true)]
    [InlineData("1:2:3:4:5:6:7::", true)]
    [InlineData("1:2:3:4:5:6:7:8::", false)]
    [InlineData("::1.2.3.4:1", false)]
    [InlineData("1:2:3:4:5:6:1.2.3.4", true)]
    [InlineData("1:2:3:4:5:6:7:1.2.3.4", false)]
    [InlineData(":::", false)]
    public void Ipv6_follows_RFC_4291(string value, bool expected) => Assert.Equal(expected, Check("ipv6", value));

    [Theory]
    [InlineData("uri", "https://user:pw@example.com:8080/a/b?c=d&e#f", true)]
    [InlineData("uri", "urn:isbn:0451450523", true)]
    [InlineData("uri", "http://[v7.abc]/", true)]
    [InlineData("uri", "http://[v7]/", false)]
    [InlineData("uri", "http://[::1]x/", false)]
    [InlineData("uri", "http://example.com/a b", false)]
    [InlineData("uri", "http://ex%4", false)]
    [InlineData("uri-reference", "../a/b?c#d", true)]
    [InlineData("uri-reference", "a:b:c", true)]
    [InlineData("uri-reference", "%41:b", false)]
    [InlineData("iri", "http://例子.测试/路径?查询=\uE000#片段", true)]
    [InlineData("iri", "http://例子.测试/\uE000", false)]
    [InlineData("iri", "http://example.com/\uFFFE", false)]
    [InlineData("iri-reference", "路径/文件", true)]
    public void Uris_and_iris_follow_RFC_3986_and_3987(string format, string value, bool expected) =>
        Assert.Equal(expected, Check(format, value));

    [Theory]
    [InlineData("/users/{id}{?fields*,limit:10}", true)]
    [InlineData("{+path}/here", true)]
    [InlineData("{var:}", false)]
    [InlineData("{var*:3}", false)]
    [InlineData("{.}", false)]
    [InlineData("{a}}", false)]
    [InlineData("%", false)]
    [InlineData("a<b", false)]
    public void Uri_template_follows_RFC_6570(string value, bool expected) => Assert.Equal(expected, Check("uri-template", value));

    [Theory]
    [InlineData("uuid", "123e4567-e89b-12d3-a456-426614174000", true)]
    [InlineData("uuid", "{123e4567-e89b-12d3-a456-426614174000}", false)]
    [InlineData("json-pointer", "/a~1b/~0", true)]
    [InlineData("json-pointer", "/a~", false)]
    [InlineData("relative-json-pointer", "0", true)]
    [InlineData("relative-json-pointer", "3#", true)]
    [InlineData("relative-json-pointer", "0/a~2", false)]
    [InlineData("relative-json-pointer", "#", false)]
    [InlineData("regex", "^[a-z]+$", true)]
    [InlineData("regex", "\\a", false)]
    [InlineData("regex", "(?<n>x)\\k<n>", true)]
    public void Other_formats(string format, string value, bool expected) => Assert.Equal(expected, Check(format, value));

    [Theory]
    [InlineData("date-time", "2024-05-06T07:08:09.123+02:00")]
    [InlineData("date", "2024-05-06")]
    [InlineData("time", "07:08:09Z")]
    [InlineData("duration", "P1Y2M3DT4H5M6S")]
    [InlineData("email", "first.last@example.com")]
    [InlineData("idn-email", "用户@例子.广告")]
    [InlineData("hostname", "www.example.com")]
    [InlineData("hostname", "xn--bcher-kva.example")]
    [InlineData("idn-hostname", "bücher.example")]
    [InlineData("ipv4", "192.168.0.1")]
    [InlineData("ipv6", "2001:db8::ffff:1.2.3.4")]
    [InlineData("uri", "https://user@example.com:8080/a/b?c=d#e")]
    [InlineData("uri-reference", "../a/b?c#d")]
    [InlineData("iri", "http://例子.测试/路径")]
    [InlineData("iri-reference", "路径/文件")]
    [InlineData("uri-template", "/users/{id}{?fields*,limit:10}")]
    [InlineData("uuid", "123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("json-pointer", "/a~1b/~0/c")]
    [InlineData("relative-json-pointer", "1/a/b")]
    public void Valid_values_are_checked_without_allocating(string format, string value)
    {
        var checker = FormatCheckers.Get(format)!;
        Assert.True(checker(value));

        // The quietest of five rounds: a one-off runtime allocation lands in one round, a per-call one in all.
        var allocated = long.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                checker(value);
            }
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
    }
}
