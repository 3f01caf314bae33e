using System.Collections;
using System.Collections.Immutable;
using Csw.Params;

namespace Csw.Location;

/// <summary>
/// Free-form string pairs that travel with a registration and its location (CSW's <c>Metadata</c>;
/// on the wire a plain JSON object). Immutable; two are equal when they hold the same pairs.
/// </summary>
public sealed class Metadata : IReadOnlyDictionary<string, string>, IEquatable<Metadata>
{
    private const string PidKey = "PID";
    private const string AgentPrefixKey = "agentPrefix";
    private const string SequenceComponentPrefixKey = "sequenceComponentPrefix";
    private const string CswVersionKey = "csw-version";

    /// <summary>The pairs, sorted by key so that they are written in a stable order.</summary>
    private readonly ImmutableSortedDictionary<string, string> _values;

    /// <summary>Metadata holding <paramref name="values"/>.</summary>
    /// <param name="values">The pairs; a later duplicate key wins.</param>
    public Metadata(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            ArgumentNullException.ThrowIfNull(key);
            builder[key] = value ?? throw new ArgumentException($"The metadata value of '{key}' is null.", nameof(values));
        }
        _values = builder.ToImmutable();
    }

    private Metadata(ImmutableSortedDictionary<string, string> values) => _values = values;

    /// <summary>No pairs.</summary>
    public static Metadata Empty { get; } = new(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    public IEnumerable<string> Values => _values.Values;

    /// <summary>The process id of the registering process (CSW's <c>PID</c> key), if given.</summary>
    public long? Pid => Get(PidKey) is { } pid && long.TryParse(pid, out var value) ? value : null;

    /// <summary>The prefix of the agent that started the component (CSW's <c>agentPrefix</c> key), if given.</summary>
    public Prefix? AgentPrefix => Prefix.TryParse(Get(AgentPrefixKey), out var prefix) ? prefix : null;

    /// <summary>The CSW version of the registering process (CSW's <c>csw-version</c> key), if given.</summary>
    public string? CswVersion => Get(CswVersionKey);

    /// <summary>The prefix of the sequence component running a sequencer (CSW's <c>sequenceComponentPrefix</c> key), if given.</summary>
    public Prefix? SequenceComponentPrefix => Prefix.TryParse(Get(SequenceComponentPrefixKey), out var prefix) ? prefix : null;

    /// <inheritdoc />
    public string this[string key] => _values[key];

    /// <summary>This metadata with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public Metadata Add(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return new(_values.SetItem(key, value));
    }

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    /// <param name="key">The key.</param>
    public string? Get(string key) => _values.GetValueOrDefault(key);

    /// <summary>This metadata with the process id set.</summary>
    /// <param name="pid">The process id.</param>
    public Metadata WithPid(long pid) => Add(PidKey, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>This metadata with the agent's prefix set.</summary>
    /// <param name="agentPrefix">The agent's prefix.</param>
    public Metadata WithAgentPrefix(Prefix agentPrefix) => Add(AgentPrefixKey, agentPrefix?.ToString() ?? throw new ArgumentNullException(nameof(agentPrefix)));

    /// <summary>This metadata with the CSW version set.</summary>
    /// <param name="version">The version.</param>
    public Metadata WithCswVersion(string version) => Add(CswVersionKey, version);

    /// <summary>This metadata with the sequence component's prefix set.</summary>
    /// <param name="sequenceComponentPrefix">The sequence component's prefix.</param>
    public Metadata WithSequenceComponentPrefix(Prefix sequenceComponentPrefix) =>
        Add(SequenceComponentPrefixKey, sequenceComponentPrefix?.ToString() ?? throw new ArgumentNullException(nameof(sequenceComponentPrefix)));

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) => _values.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True when both hold the same pairs.</summary>
    /// <param name="other">The other metadata.</param>
    public bool Equals(Metadata? other) =>
        other is not null && (ReferenceEquals(this, other) || (Count == other.Count && _values.All(pair => other._values.TryGetValue(pair.Key, out var value) && value == pair.Value)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Metadata other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _values)
        {
            hash.Add(key);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    /// <summary>The pairs, e.g. <c>{key1=value, PID=42}</c>.</summary>
    public override string ToString() => "{" + string.Join(", ", _values.Select(pair => $"{pair.Key}={pair.Value}")) + "}";
}
