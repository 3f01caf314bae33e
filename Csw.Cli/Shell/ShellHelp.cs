namespace Csw.Cli.Shell;

/// <summary>What <c>:help</c> prints.</summary>
internal static class ShellHelp
{
    public const string Text = """
        Helpers (Csw.Params, Csw.Command, Csw.Location and Csw.Framework are imported):
          await StartSamples()                      the sample HCDs and assembly, in this process
          await Locations()                         every registration, as a table
          var hcd = await Hcd("WFOS.blue.filter")   a command service (also: await Assembly(prefix))
          await hcd.SubmitAndWaitAsync(Setup("move", Int("target", 3)))
          Setup(name, params...), Observe(...)      commands from CSW.shell (assign Source to change it)
          Int, Long, Float, Double, Bool, String    parameters: Int("target", 3), Double("offsets", 1.5, -2)
          var w = Subscribe(hcd, "position")        prints CurrentState in the background; w.Dispose() stops it
          var t = Track("WFOS.blue.filter")         prints location changes in the background
          await Subscribe(hcd)                      ... or watch until Ctrl+C
          var all = Watch("WFOS")                   every component's states and lifecycle, cluster-wide (shell started with --cluster-seeds)
          Print(x), LocationService, Cancellation   print as the shell does; the ILocationService; Ctrl+C's token
          await GoOffline(prefix), GoOnline(prefix) lifecycle; also Restart, Shutdown, Status(prefix)
          await Lock(prefix, 300), Unlock(prefix)   lock for Source (others get Locked) and release
          await LogLevel(prefix, "debug")           a component's log level (without a level: read it)
          var admin = await Admin(prefix)           the component's IAdminService
        Shell commands: :help  :history  :stop (stops every watch, as Ctrl+C)  :quit (or Ctrl+D)
        A submission continues over several lines until it is complete C#; errors keep the state.
        Ctrl+C stops the running submission and the watches, not the shell. Up/Down recall earlier lines.
        """;
}
