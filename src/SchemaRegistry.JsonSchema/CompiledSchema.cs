using System.Text;
using System.Text.Json;
using SchemaRegistry.JsonSchema.Compiler;
using SchemaRegistry.JsonSchema.Engine;

namespace SchemaRegistry.JsonSchema;

/// <summary>
/// A schema compiled once into a tree of keyword validators that read instances straight from UTF-8 bytes.
/// Immutable and thread-safe: share one instance across threads.
/// </summary>
public sealed class CompiledSchema
{
    private static readonly Uri DefaultBase = new("https://schemareg.invalid/schema.json");
    private readonly SchemaNode _root;
    private readonly JsonReaderOptions _readerOptions;

    private CompiledSchema(SchemaNode root, JsonSchemaOptions options, Dialect dialect)
    {
        _root = root;
        Options = options;
        Dialect = dialect;
        _readerOptions = new JsonReaderOptions { MaxDepth = options.MaxInstanceDepth, CommentHandling = JsonCommentHandling.Disallow };
    }

    public JsonSchemaOptions Options { get; }

    /// <summary>The dialect the root schema was compiled as.</summary>
    public Dialect Dialect { get; }

    public static CompiledSchema Compile(string schemaJson, JsonSchemaOptions? options = null, Uri? baseUri = null)
    {
        options ??= JsonSchemaOptions.Default;
        if (Encoding.UTF8.GetByteCount(schemaJson) > options.MaxSchemaBytes)
        {
            throw new SchemaCompileException($"The schema is larger than {options.MaxSchemaBytes} bytes.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(schemaJson, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new SchemaCompileException($"The schema is not valid JSON: {e.Message}");
        }
        using (document)
        {
            return Compile(document.RootElement, options, baseUri);
        }
    }

    public static CompiledSchema Compile(JsonElement schema, JsonSchemaOptions? options = null, Uri? baseUri = null)
    {
        options ??= JsonSchemaOptions.Default;
        var index = new SchemaIndex(options);
        try
        {
            var root = index.AddDocument(schema.Clone(), baseUri ?? DefaultBase, null);
            var node = new SchemaCompiler(index, options).Compile(root);
            return new CompiledSchema(node, options, root.Dialect.Draft);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new SchemaCompileException("The schema is nested too deeply to compile.");
        }
        catch (UriFormatException e)
        {
            throw new SchemaCompileException($"The schema contains an invalid URI: {e.Message}");
        }
    }

    /// <summary>The fast path: true when the UTF-8 JSON instance is valid; stops at the first error.</summary>
    public bool IsValid(ReadOnlySpan<byte> utf8Json)
    {
        var context = EvalContext.Rent(collect: false);
        try
        {
            var reader = new Utf8JsonReader(utf8Json, _readerOptions);
            return reader.Read() && _root.Evaluate(ref reader, context, null) && !reader.Read();
        }
        catch (Exception e) when (e is JsonException or InsufficientExecutionStackException or EvaluationAbortedException or InvalidOperationException)
        {
            // InvalidOperationException: a string escape that is no Unicode text (a lone surrogate) cannot be read.
            return false;
        }
        finally
        {
            EvalContext.Return(context);
        }
    }

    public bool IsValid(JsonElement instance) => IsValid(JsonSerializer.SerializeToUtf8Bytes(instance));

    /// <summary>Validates and lists every error in the JSON Schema "basic" output format.</summary>
    public ValidationResult Evaluate(ReadOnlySpan<byte> utf8Json)
    {
        if (IsValid(utf8Json))
        {
            return ValidationResult.Success;
        }
        var context = EvalContext.Rent(collect: true);
        try
        {
            var reader = new Utf8JsonReader(utf8Json, _readerOptions);
            if (!reader.Read())
            {
                return Single("The instance is empty: it holds no JSON value.");
            }
            var valid = _root.Evaluate(ref reader, context, null);
            if (reader.Read())
            {
                return Single("The instance has more than one JSON value.");
            }
            var errors = context.Errors!.ToList();
            return valid && errors.Count == 0 ? ValidationResult.Success : new ValidationResult(false, errors.Count == 0
                ? [new ValidationError("", "", _root.AbsoluteLocation, "The instance is not valid.")]
                : errors);
        }
        catch (JsonException e)
        {
            return Single(e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"The instance is nested deeper than {Options.MaxInstanceDepth} levels."
                : $"The instance is not valid JSON: {e.Message}");
        }
        catch (InsufficientExecutionStackException)
        {
            return Single("Evaluation recursed too deeply (a reference loop that makes no progress, or an instance nested too deeply).");
        }
        catch (EvaluationAbortedException e)
        {
            return Single(e.Message);
        }
        catch (InvalidOperationException)
        {
            return Single("The instance contains a string whose \\u escapes are not Unicode text (a lone surrogate).");
        }
        finally
        {
            EvalContext.Return(context);
        }
    }

    public ValidationResult Evaluate(JsonElement instance) => Evaluate(JsonSerializer.SerializeToUtf8Bytes(instance));

    private ValidationResult Single(string message) =>
        new(false, [new ValidationError("", "", _root.AbsoluteLocation, message)]);
}
