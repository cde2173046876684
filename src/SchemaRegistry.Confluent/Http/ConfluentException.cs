namespace SchemaRegistry.Confluent.Http;

/// <summary>A failure the door answers in Confluent's words: an HTTP status and Confluent's <c>error_code</c>.</summary>
internal sealed class ConfluentException(int status, int errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;

    public int ErrorCode { get; } = errorCode;
}
