using Csw.Tests.Shared;
using System.Net.Http.Json;
using System.Text.Json;

namespace Csw.Location.Tests.Support;

/// <summary>The etcd location services a test made (disposed with it), and reading their trackers.</summary>
public sealed class EtcdServices : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    /// <summary>A new service instance, as another process would have.</summary>
    public ILocationService Create(EtcdLocationOptions options)
    {
        var service = LocationServiceFactory.CreateEtcd(options);
        _owned.Add((IAsyncDisposable)service);
        return service;
    }

    /// <summary>The next tracking event, failing if none comes within twice the default timeout.</summary>
    public static async Task<TrackingEvent> NextAsync(IAsyncEnumerator<TrackingEvent> changes)
    {
        Assert.True(await changes.MoveNextAsync().AsTask().WaitAsync(TestTime.DefaultTimeout * 2), "the tracking stream ended");
        return changes.Current;
    }

    /// <summary>Sends one request to etcd's JSON gateway directly, as an operator would; fails on an error answer.</summary>
    public static async Task<string> EtcdPostAsync(Uri endpoint, string path, object body)
    {
        using var http = new HttpClient { Timeout = TestTime.DefaultTimeout };
        using var response = await http.PostAsJsonAsync(new Uri(endpoint, path), body, JsonSerializerOptions.Default); // etcd wants its own names (ID), not camelCase
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"etcd answered {path} with {(int)response.StatusCode}: {answer}");
        return answer;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }
}
