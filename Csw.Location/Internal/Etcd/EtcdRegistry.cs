using System.Globalization;
using System.Text.Json;
using Csw.Params;
using Microsoft.Extensions.Logging;

namespace Csw.Location.Internal.Etcd;

/// <summary>
/// The registrations as etcd keys: <c>prefix + connection name</c>, each holding the location's CSW
/// JSON. Changes that must not overwrite someone else's registration are transactions.
/// </summary>
internal sealed class EtcdRegistry(EtcdGateway gateway, string prefix, ILogger log)
{
    /// <summary>How often a registration is tried again when the key keeps changing under it.</summary>
    private const int PutAttempts = 5;

    /// <summary>The key of a connection, as text (e.g. <c>/csw/location/TCS.filter.wheel-hcd-pekko</c>).</summary>
    public string KeyOf(Connection connection) => prefix + connection.Name;

    /// <summary>
    /// Creates the key under <paramref name="lease"/> if absent; if present, it must hold the same
    /// location, which is then taken under this lease too (registering again, or by another instance).
    /// </summary>
    /// <exception cref="OtherLocationIsRegisteredException">The key holds another location.</exception>
    public async Task PutAsync(Location location, long lease, CancellationToken cancellationToken)
    {
        var key = Key(location.Connection);
        var value = EtcdGateway.Base64(LocationJson.SerializeToUtf8Bytes(location));
        var put = new { request_put = new { key, value, lease = lease.ToString(CultureInfo.InvariantCulture) } };
        for (var attempt = 0; attempt < PutAttempts; attempt++)
        {
            // A transaction, so that two processes registering at once cannot both create the key.
            var created = await gateway.PostAsync("/v3/kv/txn", new
            {
                compare = new object[] { new { key, target = "CREATE", create_revision = "0", result = "EQUAL" } },
                success = new object[] { put },
                failure = new object[] { new { request_range = new { key } } },
            }, cancellationToken).ConfigureAwait(false);
            if (Succeeded(created))
            {
                return;
            }
            var existing = Locations(created.GetProperty("responses")[0].GetProperty("response_range")).FirstOrDefault();
            if (existing is not null && existing != location)
            {
                throw new OtherLocationIsRegisteredException(location, existing);
            }
            var taken = await gateway.PostAsync("/v3/kv/txn", new
            {
                compare = new object[] { new { key, target = "VALUE", value, result = "EQUAL" } },
                success = new object[] { put },
            }, cancellationToken).ConfigureAwait(false);
            if (Succeeded(taken))
            {
                return;
            }
            // It changed in between: from the start, which tells whether it now holds another location.
        }
        throw new RegistrationFailedException($"Could not register {location.Connection.Name}: its etcd key {KeyOf(location.Connection)} kept changing ({PutAttempts} attempts).");
    }

    /// <summary>Deletes the connection's key whatever it holds.</summary>
    public Task DeleteAsync(Connection connection, CancellationToken cancellationToken) =>
        gateway.PostAsync("/v3/kv/deleterange", new { key = Key(connection) }, cancellationToken);

    /// <summary>Deletes the connection's key only while it still holds <paramref name="location"/>.</summary>
    public Task DeleteIfAsync(Location location, CancellationToken cancellationToken)
    {
        var key = Key(location.Connection);
        var value = EtcdGateway.Base64(LocationJson.SerializeToUtf8Bytes(location));
        return gateway.PostAsync("/v3/kv/txn", new
        {
            compare = new object[] { new { key, target = "VALUE", value, result = "EQUAL" } },
            success = new object[] { new { request_delete_range = new { key } } },
        }, cancellationToken);
    }

    /// <summary>Deletes every key under the prefix.</summary>
    public Task DeleteAllAsync(CancellationToken cancellationToken) =>
        gateway.PostAsync("/v3/kv/deleterange", new { key = EtcdGateway.Base64(prefix), range_end = EtcdGateway.PrefixEnd(prefix) }, cancellationToken);

    /// <summary>The connection's location, or null.</summary>
    public async Task<Location?> ReadAsync(Connection connection, CancellationToken cancellationToken) =>
        Locations(await gateway.PostAsync("/v3/kv/range", new { key = Key(connection) }, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Every location under the prefix.</summary>
    public async Task<IReadOnlyList<Location>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var answer = await gateway.PostAsync("/v3/kv/range", new { key = EtcdGateway.Base64(prefix), range_end = EtcdGateway.PrefixEnd(prefix) }, cancellationToken).ConfigureAwait(false);
        return [.. Locations(answer)];
    }

    private static bool Succeeded(JsonElement answer) => answer.TryGetProperty("succeeded", out var succeeded) && succeeded.GetBoolean();

    private string Key(Connection connection) => EtcdGateway.Base64(KeyOf(connection));

    private IEnumerable<Location> Locations(JsonElement rangeAnswer)
    {
        if (!rangeAnswer.TryGetProperty("kvs", out var kvs))
        {
            yield break;
        }
        foreach (var kv in kvs.EnumerateArray())
        {
            Location? location = null;
            try
            {
                location = LocationJson.Deserialize<Location>(kv.GetProperty("value").GetBytesFromBase64());
            }
            catch (CswJsonException e)
            {
                // Someone else's key under our prefix; it is no registration.
                log.LogWarning("Ignoring the etcd key {Key}, which holds no location: {Reason}", System.Text.Encoding.UTF8.GetString(kv.GetProperty("key").GetBytesFromBase64()), e.Message);
            }
            if (location is not null)
            {
                yield return location;
            }
        }
    }
}
