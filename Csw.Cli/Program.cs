using System.CommandLine;
using Csw.Cli.Demo;

var root = new RootCommand("csw: run and drive CswNet components.");
var demo = new Command("demo", "Runs a short demonstration of the actor kernel and exits.");
demo.SetAction((_, cancellationToken) => KernelDemo.RunAsync(Console.Out, cancellationToken));
root.Subcommands.Add(demo);
return await root.Parse(args).InvokeAsync();
