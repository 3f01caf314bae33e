using Akka.Actor;

namespace Csw.Framework.Internal;

/// <summary>
/// A component's registration in the location service, as its supervisor keeps it: made once, after
/// the first successful initialize (the supervisor reports Running only once it is in place, as CSW
/// does), and handed back to be removed when the component shuts down. Used only from the
/// supervisor's turn.
/// </summary>
internal sealed class SupervisorRegistration(CswContext context, ComponentOptions options)
{
    private IAsyncDisposable? _registration;
    private bool _started;

    /// <summary>Whether registration is under way: the handlers are ready, the component not yet Running.</summary>
    public bool Pending { get; private set; }

    /// <summary>
    /// Starts registering; <see cref="RegistrationFinished"/> then comes to the supervisor. False when
    /// there is nothing to register: already started once, or the component does not register.
    /// </summary>
    public bool Start()
    {
        if (_started || context.ComponentInfo.LocationServiceUsage == LocationServiceUsage.DoNotRegister)
        {
            return false;
        }
        _started = Pending = true;
        ComponentRegistrar.RegisterAsync(context.Self, context.System, context.ComponentInfo, options, context.LocationService)
            .PipeTo(context.Self, success: registrar => new RegistrationFinished(registrar, null), failure: failure => new RegistrationFinished(null, failure));
        return true;
    }

    /// <summary>Keeps a registration that finished, or removes it at once when the component has meanwhile shut down.</summary>
    public void Finished(RegistrationFinished finished, bool shutDown)
    {
        Pending = false;
        if (shutDown)
        {
            _ = finished.Registration?.DisposeAsync().AsTask();
        }
        else if (finished.Failure is null)
        {
            _registration = finished.Registration;
        }
    }

    /// <summary>The registration to remove, if any; from then on there is none.</summary>
    public IAsyncDisposable? Take()
    {
        var registration = _registration;
        _registration = null;
        return registration;
    }
}
