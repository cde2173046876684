using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Tests.Errors;

public sealed class RegistryErrorTests
{
    [Fact]
    public void From_issues_takes_code_and_detail_from_the_first_issue_and_keeps_them_all()
    {
        var issues = new List<Issue>
        {
            new(ErrorCode.PayloadInvalid, "/type", "type is wrong."),
            new(ErrorCode.ReferenceUnresolved, "/$ref/x", "x is missing."),
        };

        var error = RegistryError.FromIssues("Validation failed", issues);

        Assert.Equal(ErrorCode.PayloadInvalid, error.Code);
        Assert.Equal(ErrorKind.Unprocessable, error.Kind);
        Assert.Equal("Validation failed", error.Title);
        Assert.Equal("type is wrong.", error.Detail);
        Assert.Equal(issues, error.Issues);
    }

    [Fact]
    public void From_no_issues_is_a_programming_error()
    {
        Assert.ThrowsAny<ArgumentException>(() => RegistryError.FromIssues("Validation failed", []));
    }

    [Fact]
    public void Not_found_is_REG_1001()
    {
        var error = RegistryError.NotFound("Schema finance.gdp.invoice:v1.2");

        Assert.Equal(ErrorCode.NotFound, error.Code);
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("Schema finance.gdp.invoice:v1.2 does not exist.", error.Detail);
        Assert.Empty(error.Issues);
    }

    [Fact]
    public void Transition_is_REG_1003_conflict()
    {
        var error = RegistryError.Transition("Cannot approve a version that is draft.");

        Assert.Equal(ErrorCode.TransitionNotAllowed, error.Code);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal("Cannot approve a version that is draft.", error.Detail);
    }

    [Fact]
    public void Envelope_is_VAL_1101_unprocessable()
    {
        var error = RegistryError.Envelope("owner is required.");

        Assert.Equal(ErrorCode.EnvelopeInvalid, error.Code);
        Assert.Equal(ErrorKind.Unprocessable, error.Kind);
        Assert.Equal("owner is required.", error.Detail);
    }

    [Fact]
    public void Exception_carries_the_error_and_uses_its_detail_as_message()
    {
        var error = RegistryError.NotFound("Subject finance.gdp.invoice");

        var ex = new RegistryException(error);

        Assert.Same(error, ex.Error);
        Assert.Equal(error.Detail, ex.Message);
    }

    [Fact]
    public void Error_codes_are_distinct()
    {
        var codes = typeof(ErrorCode).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }
}
