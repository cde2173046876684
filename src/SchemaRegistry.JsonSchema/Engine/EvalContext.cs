using System.Globalization;
using System.Text;

namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>
/// Per-evaluation state: the dynamic scope, and in output mode the error list with the instance and keyword paths.
/// One instance per thread is reused, so the valid path allocates nothing here.
/// </summary>
internal sealed class EvalContext
{
    [ThreadStatic]
    private static EvalContext? _cached;

    private readonly List<ResourceScope> _scope = [];
    private readonly List<string> _instancePath = [];
    private readonly List<string> _keywordPath = [];
    private int _suspended;

    public List<ValidationError>? Errors { get; private set; }

    /// <summary>True when errors are being collected (output mode, and not inside not/if/contains).</summary>
    public bool Collecting => Errors is not null && _suspended == 0;

    public static EvalContext Rent(bool collect)
    {
        var context = _cached ?? new EvalContext();
        _cached = null;
        context.Errors = collect ? [] : null;
        return context;
    }

    public static void Return(EvalContext context)
    {
        context._scope.Clear();
        context._depth = 0;
        context.CurrentResource = null;
        context._instancePath.Clear();
        context._keywordPath.Clear();
        context._suspended = 0;
        context.Errors = null;
        _cached = context;
    }

    public ResourceScope? CurrentResource { get; private set; }

    private int _depth;

    /// <summary>Checks the stack only every few levels: the check is a runtime call, nesting is cheap to count.</summary>
    public void EnterNode()
    {
        if ((++_depth & 15) == 0)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        }
    }

    public void ExitNode() => _depth--;

    public IReadOnlyList<ResourceScope> DynamicScope => _scope;

    public void PushResource(ResourceScope resource)
    {
        _scope.Add(resource);
        CurrentResource = resource;
    }

    public void PopResource()
    {
        _scope.RemoveAt(_scope.Count - 1);
        CurrentResource = _scope.Count == 0 ? null : _scope[^1];
    }

    public void Suspend() => _suspended++;

    public void Resume() => _suspended--;

    public void EnterKeyword(string segment)
    {
        if (Errors is not null)
        {
            _keywordPath.Add(segment);
        }
    }

    public void ExitKeyword()
    {
        if (Errors is not null)
        {
            _keywordPath.RemoveAt(_keywordPath.Count - 1);
        }
    }

    public void EnterInstance(string segment)
    {
        if (Errors is not null)
        {
            _instancePath.Add(segment);
        }
    }

    public void EnterInstance(int index)
    {
        if (Errors is not null)
        {
            _instancePath.Add(index.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void ExitInstance()
    {
        if (Errors is not null)
        {
            _instancePath.RemoveAt(_instancePath.Count - 1);
        }
    }

    public int ErrorMark => Errors?.Count ?? 0;

    public void RollbackErrors(int mark)
    {
        if (Errors is not null && Errors.Count > mark)
        {
            Errors.RemoveRange(mark, Errors.Count - mark);
        }
    }

    public void Fail(string keyword, string absoluteLocation, [System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("")] ref MessageHandler message)
    {
        if (Collecting)
        {
            Fail(keyword, absoluteLocation, message.ToStringAndClear());
        }
    }

    /// <summary>A failure of a keyword of the schema at <paramref name="nodeLocation"/>; nothing is built unless collecting.</summary>
    public void FailAt(string nodeLocation, string keyword, [System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("")] ref MessageHandler message)
    {
        if (Collecting)
        {
            Fail(keyword, nodeLocation + "/" + keyword, message.ToStringAndClear());
        }
    }

    /// <summary>Records a failure of <paramref name="keyword"/> (whose absolute location is given) at the current paths.</summary>
    public void Fail(string keyword, string absoluteLocation, string message)
    {
        if (!Collecting)
        {
            return;
        }
        var keywordLocation = new StringBuilder();
        foreach (var segment in _keywordPath)
        {
            keywordLocation.Append('/').Append(JsonPointer.Escape(segment));
        }
        if (keyword.Length > 0)
        {
            keywordLocation.Append('/').Append(JsonPointer.Escape(keyword));
        }
        var instanceLocation = new StringBuilder();
        foreach (var segment in _instancePath)
        {
            instanceLocation.Append('/').Append(JsonPointer.Escape(segment));
        }
        Errors!.Add(new ValidationError(instanceLocation.ToString(), keywordLocation.ToString(), absoluteLocation, message));
    }
}
