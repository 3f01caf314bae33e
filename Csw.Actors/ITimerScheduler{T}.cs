namespace Csw.Actors;

/// <summary>
/// Timers owned by one actor. A key names a timer; starting a timer with a key in use replaces it.
/// After <see cref="Cancel"/>, a restart or a stop, no message of the old timer arrives, even one
/// already on its way.
/// </summary>
/// <typeparam name="T">The actor's message type.</typeparam>
public interface ITimerScheduler<T>
{
    /// <summary>Sends <paramref name="message"/> once after <paramref name="delay"/>.</summary>
    /// <param name="key">The timer's name.</param>
    /// <param name="message">The message.</param>
    /// <param name="delay">The delay.</param>
    void StartSingleTimer(object key, T message, TimeSpan delay);

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>, the first after one interval.</summary>
    /// <param name="key">The timer's name.</param>
    /// <param name="message">The message.</param>
    /// <param name="interval">The interval, at least one millisecond.</param>
    void StartPeriodicTimer(object key, T message, TimeSpan interval);

    /// <summary>Whether a timer with this key is running (a single timer stops being active once delivered).</summary>
    /// <param name="key">The timer's name.</param>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer with this key, if any.</summary>
    /// <param name="key">The timer's name.</param>
    void Cancel(object key);

    /// <summary>Cancels every timer of the actor.</summary>
    void CancelAll();
}
