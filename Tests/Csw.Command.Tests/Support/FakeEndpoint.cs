namespace Csw.Command.Tests.Support;

/// <summary>A command endpoint on loopback serving a <see cref="FakeComponent"/>.</summary>
internal sealed class FakeEndpoint : IAsyncDisposable
{
    private FakeEndpoint(FakeComponent component, CommandEndpoint endpoint)
    {
        Component = component;
        Endpoint = endpoint;
    }

    public FakeComponent Component { get; }

    public CommandEndpoint Endpoint { get; }

    public Uri PostUri => new(Endpoint.Uri, CommandEndpoint.PostPath);

    public static async Task<FakeEndpoint> StartAsync(CommandEndpointOptions? options = null, FakeComponent? component = null)
    {
        component ??= new FakeComponent();
        return new FakeEndpoint(component, await CommandEndpoint.StartAsync(component.Target, options, default));
    }

    /// <summary>The ws:// address of <paramref name="path"/>.</summary>
    public Uri WebSocketUri(string path) => new($"ws://127.0.0.1:{Endpoint.Port}{path}");

    /// <summary>A remote command service for the endpoint, over the session or CSW's protocol.</summary>
    public ICommandService Connect(bool session, CommandServiceOptions? options = null)
    {
        var registration = Endpoint.RegistrationFor(new Params.ComponentId(FakeComponent.Prefix, Params.ComponentType.HCD));
        if (!session)
        {
            registration = registration with { Metadata = Location.Metadata.Empty };
        }
        return CommandServiceFactory.Make(registration.ToLocation("127.0.0.1"), options);
    }

    public ValueTask DisposeAsync() => Endpoint.DisposeAsync();
}
