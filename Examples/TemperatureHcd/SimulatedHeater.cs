namespace Examples.TemperatureHcd;

/// <summary>
/// Stands in for a heater and its thermometer on a serial line: each read moves the temperature
/// one step towards the setpoint. <see cref="FailNextRead"/> makes the next read throw, as a
/// flaky line would. Used by one actor at a time, so it needs no locks.
/// </summary>
public sealed class SimulatedHeater(double initialKelvin, double step = 1.0)
{
    /// <summary>What the thermometer reads, in kelvin.</summary>
    private double _temperature = initialKelvin;

    /// <summary>Where the heater drives the temperature, in kelvin.</summary>
    public double Setpoint { get; set; } = initialKelvin;

    /// <summary>When set, the next <see cref="ReadTemperature"/> throws an <see cref="IOException"/>.</summary>
    public bool FailNextRead { get; set; }

    /// <summary>Reads the thermometer, in kelvin.</summary>
    public double ReadTemperature()
    {
        if (FailNextRead)
        {
            FailNextRead = false;
            throw new IOException("No answer from the thermometer on the serial line.");
        }
        _temperature += Math.Clamp(Setpoint - _temperature, -step, step);
        return _temperature;
    }
}
