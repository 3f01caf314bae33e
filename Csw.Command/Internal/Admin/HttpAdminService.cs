using System.Net.Http.Headers;
using Csw.Command.Internal.Http;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Command.Internal.Admin;

/// <summary>
/// <see cref="IAdminService"/> for a component behind a CswNet command endpoint: one POST to its admin
/// route (<see cref="CommandEndpoint.AdminPath"/>) per call, with the bearer token when one is set.
/// </summary>
internal sealed class HttpAdminService(Uri baseUri, CommandServiceOptions options, string target) : IAdminService, IAsyncDisposable
{
    private readonly HttpClient _http = new(SharedHttp.Handler, disposeHandler: false)
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        MaxResponseContentBufferSize = options.MaxMessageBytes,
    };

    private readonly Uri _admin = new(baseUri, CommandEndpoint.AdminPath.TrimStart('/'));

    private readonly AuthenticationHeaderValue? _authorization = options.Token is null ? null : new("Bearer", options.Token);

    public Task<LockingResponse> LockAsync(Prefix source, TimeSpan leaseDuration, CancellationToken cancellationToken = default) =>
        SendAsync<LockingResponse>(new AdminRequest.Lock(source ?? throw new ArgumentNullException(nameof(source)), leaseDuration), options.Timeout, cancellationToken);

    public Task<LockingResponse> UnlockAsync(Prefix source, CancellationToken cancellationToken = default) =>
        SendAsync<LockingResponse>(new AdminRequest.Unlock(source ?? throw new ArgumentNullException(nameof(source))), options.Timeout, cancellationToken);

    public Task<SupervisorLifecycleState> GoOnlineAsync(CancellationToken cancellationToken = default) =>
        SendAsync<SupervisorLifecycleState>(new AdminRequest.GoOnline(), options.Timeout, cancellationToken);

    public Task<SupervisorLifecycleState> GoOfflineAsync(CancellationToken cancellationToken = default) =>
        SendAsync<SupervisorLifecycleState>(new AdminRequest.GoOffline(), options.Timeout, cancellationToken);

    public Task<SupervisorLifecycleState> DiagnosticModeAsync(UtcTime startTime, string hint, CancellationToken cancellationToken = default) =>
        SendAsync<SupervisorLifecycleState>(new AdminRequest.DiagnosticMode(startTime, hint ?? throw new ArgumentNullException(nameof(hint))), options.Timeout, cancellationToken);

    public Task<SupervisorLifecycleState> OperationsModeAsync(CancellationToken cancellationToken = default) =>
        SendAsync<SupervisorLifecycleState>(new AdminRequest.OperationsMode(), options.Timeout, cancellationToken);

    public Task<SupervisorLifecycleState> RestartAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        SendAsync<SupervisorLifecycleState>(new AdminRequest.Restart { Timeout = timeout ?? options.FinalTimeout }, timeout ?? options.FinalTimeout, cancellationToken);

    public Task<SupervisorLifecycleState> ShutdownAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        SendAsync<SupervisorLifecycleState>(new AdminRequest.Shutdown { Timeout = timeout ?? options.FinalTimeout }, timeout ?? options.FinalTimeout, cancellationToken);

    public Task<SupervisorLifecycleState> GetLifecycleStateAsync(CancellationToken cancellationToken = default) =>
        SendAsync<SupervisorLifecycleState>(new AdminRequest.GetLifecycleState(), options.Timeout, cancellationToken);

    public Task<ComponentLogLevel> GetLogLevelAsync(CancellationToken cancellationToken = default) =>
        SendAsync<ComponentLogLevel>(new AdminRequest.GetLogLevel(), options.Timeout, cancellationToken);

    public Task<ComponentLogLevel> SetLogLevelAsync(LogLevel level, CancellationToken cancellationToken = default) =>
        SendAsync<ComponentLogLevel>(new AdminRequest.SetLogLevel(level), options.Timeout, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    public override string ToString() => $"admin service for {target}";

    private async Task<T> SendAsync<T>(AdminRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The endpoint's own wait ends first, so that its answer (or its Timeout error) still arrives.
        deadline.CancelAfter(timeout + TimeSpan.FromSeconds(5));
        using var content = new ByteArrayContent(AdminCodec.Write(request));
        content.Headers.ContentType = SharedHttp.Json;
        using var message = new HttpRequestMessage(HttpMethod.Post, _admin) { Content = content };
        message.Headers.Authorization = _authorization;
        try
        {
            using var response = await _http.SendAsync(message, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = ErrorBody.Read(body, $"Http{(int)response.StatusCode}");
                throw error.ErrorName == ErrorBody.Timeout ? new TimeoutException(error.Message, error) : error;
            }
            return AdminCodec.ReadAnswer(body) is T answer
                ? answer
                : throw new CommandServiceException(ErrorBody.BadRequest, $"{target} answered a {request.GetType().Name} with something else.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{_admin} did not answer a {request.GetType().Name} within {AdminCodec.Seconds(timeout)} s.");
        }
        catch (HttpRequestException e)
        {
            throw new CommandServiceException(ErrorBody.Unavailable, $"{_admin} cannot be reached: {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new CommandServiceException(ErrorBody.BadRequest, $"{_admin} answered what is not an admin answer: {e.Message}", e);
        }
    }
}
