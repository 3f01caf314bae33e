using System.Text;
using Csw.Framework.Tests.Support;

namespace Csw.Framework.Tests.Container;

/// <summary>
/// Truncated and mangled configuration files: each read ends with a configuration or a
/// <see cref="ContainerConfigException"/>, never another exception, and never hangs (an overall
/// deadline fails the test instead of waiting forever).
/// </summary>
public sealed class ConfigFuzzTests
{
    private const int MangledPerFile = 3_000;

    // Far beyond what thousands of small reads take; reached only if a read hangs.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    // Characters that matter to the grammar, inserted as often as random bytes.
    private static readonly byte[] Structural = Encoding.ASCII.GetBytes("{}[]\",:=#/\\\n $+.\"\"\"0e-");

    public static TheoryData<string> Samples => ConfigFiles.Names("*.*");

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Read_EveryPrefixOfASample_ConfigOrConfigException(string name)
    {
        var text = await File.ReadAllTextAsync(ConfigFiles.PathOf(name));
        await WithinDeadlineAsync(() =>
        {
            for (var length = 0; length <= text.Length; length++)
            {
                Read(name, text[..length]);
            }
        });
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Read_MangledSample_ConfigOrConfigException(string name)
    {
        var bytes = await File.ReadAllBytesAsync(ConfigFiles.PathOf(name));
        // Seeded by the file's name, so that a failure repeats.
        var random = new Random(name.Aggregate(17, (hash, c) => (hash * 31) + c));
        await WithinDeadlineAsync(() =>
        {
            for (var i = 0; i < MangledPerFile; i++)
            {
                Read(name, Encoding.UTF8.GetString(Mangle(bytes, random)));
            }
        });
    }

    [Fact]
    public async Task ReadHocon_AkkaParserHang_ErrorNamingLineAndColumn()
    {
        // Akka's built-in HOCON parser spins forever on this unclosed array.
        await WithinDeadlineAsync(() =>
        {
            var error = Assert.Throws<ContainerConfigException>(() => ContainerConfig.ParseHocon("a = {\n b = 1\n c = [1,2\n}"));
            Assert.StartsWith("line 4, column 1: ", error.Message);
        });
    }

    private static byte[] Mangle(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(4))
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, Structural[random.Next(Structural.Length)]);
                    break;
                default:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
            }
        }
        return [.. bytes];
    }

    // A JSON sample is read as JSON, and as HOCON too: a file not named .json is read as HOCON whatever it holds.
    private static void Read(string name, string text)
    {
        if (name.EndsWith(".json", StringComparison.Ordinal))
        {
            Read(name, text, json: true);
        }
        Read(name, text, json: false);
    }

    private static void Read(string name, string text, bool json)
    {
        try
        {
            _ = (ConfigFiles.IsHost(name), json) switch
            {
                (true, true) => (object)HostConfig.Parse(text, "/base"),
                (true, false) => HostConfig.ParseHocon(text, "/base"),
                (false, true) => ContainerConfig.Parse(text, "/base"),
                (false, false) => ContainerConfig.ParseHocon(text, "/base"),
            };
        }
        catch (ContainerConfigException)
        {
            // The one way a configuration may be refused.
        }
        catch (Exception e)
        {
            Assert.Fail($"Reading {name} (as {(json ? "JSON" : "HOCON")}) mangled as below threw {e.GetType().Name} instead of ContainerConfigException:\n{text}\n{e}");
        }
    }

    private static async Task WithinDeadlineAsync(Action reads)
    {
        try
        {
            await Task.Run(reads).WaitAsync(Deadline);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The reads did not end within {Deadline}: one of them hangs.");
        }
    }
}
