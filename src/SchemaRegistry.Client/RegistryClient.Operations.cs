using SchemaRegistry.Wire;

namespace SchemaRegistry.Client;

/// <summary>Operations the runbook performs: replays and their progress, backlogs, dead letters, drift cases, incident tags.</summary>
public sealed partial class RegistryClient
{
    /// <summary>Replays, newest first, with their progress.</summary>
    public Task<List<ReplayStatusResponse>> ListReplaysAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<ReplayStatusResponse>>(HttpMethod.Get, "v1/events/replays", null, cancellationToken);

    /// <summary>One replay and its progress.</summary>
    public Task<ReplayStatusResponse> GetReplayAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<ReplayStatusResponse>(HttpMethod.Get, $"v1/events/replays/{Escape(id)}", null, cancellationToken);

    /// <summary>Cancels a running replay.</summary>
    public Task<ReplayStatusResponse> CancelReplayAsync(string id, string? comment = null, CancellationToken cancellationToken = default) =>
        SendAsync<ReplayStatusResponse>(HttpMethod.Post, $"v1/events/replays/{Escape(id)}/cancel", new OperationRequest(comment), cancellationToken);

    /// <summary>Skips a subscription's undelivered backlog.</summary>
    public Task<SubscriptionPurgeResponse> PurgeSubscriptionAsync(string id, string? comment = null, CancellationToken cancellationToken = default) =>
        SendAsync<SubscriptionPurgeResponse>(HttpMethod.Post, $"v1/subscriptions/{Escape(id)}/purge", new OperationRequest(comment), cancellationToken);

    /// <summary>Deletes a subscription.</summary>
    public async Task DeleteSubscriptionAsync(string id, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"v1/subscriptions/{Escape(id)}");
        using var response = await TransportAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryApiException(await ReadProblemAsync(response, cancellationToken));
        }
    }

    /// <summary>The events a subscription gave up on.</summary>
    public Task<List<DeadLetterItem>> ListDeadLettersAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        SendAsync<List<DeadLetterItem>>(HttpMethod.Get, $"v1/subscriptions/{Escape(subscriptionId)}/dead-letters", null, cancellationToken);

    /// <summary>Re-delivers a subscription's dead letters as a replay.</summary>
    public Task<ReplayResponse> ReplayDeadLettersAsync(string subscriptionId, string? name = null, CancellationToken cancellationToken = default) =>
        SendAsync<ReplayResponse>(HttpMethod.Post, $"v1/subscriptions/{Escape(subscriptionId)}/dead-letters/replay", new DeadLetterReplayRequest(name), cancellationToken);

    /// <summary>One drift case.</summary>
    public Task<DriftCaseResponse> GetDriftCaseAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync<DriftCaseResponse>(HttpMethod.Get, $"v1/drift/{id}", null, cancellationToken);

    /// <summary>Resolves a drift case by hand (a comment saying why is required).</summary>
    public Task<DriftCaseResponse> ResolveDriftAsync(long id, string comment, CancellationToken cancellationToken = default) =>
        SendAsync<DriftCaseResponse>(HttpMethod.Post, $"v1/drift/{id}/resolve", new DriftActionRequest(comment), cancellationToken);

    /// <summary>Tags schema versions and runs with an incident in the ledger; answers the incident's entries so far.</summary>
    public Task<List<AuditEntryResponse>> AnnotateAsync(AnnotationRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<List<AuditEntryResponse>>(HttpMethod.Post, "v1/audit/annotations", request, cancellationToken);

    /// <summary>The ledger entries that tag an incident.</summary>
    public Task<List<AuditEntryResponse>> ListAnnotationsAsync(string incident, CancellationToken cancellationToken = default) =>
        SendAsync<List<AuditEntryResponse>>(HttpMethod.Get, $"v1/audit/annotations?incident={Escape(incident)}", null, cancellationToken);
}
