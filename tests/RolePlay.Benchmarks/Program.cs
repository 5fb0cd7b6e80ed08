using BenchmarkDotNet.Running;
using RolePlay.Benchmarks.Slack;
using RolePlay.Benchmarks.Studio;
using RolePlay.Benchmarks.Teams;

// Run in Release: dotnet run -c Release --project tests/RolePlay.Benchmarks -- --filter '*'
// The endpoints under paced load (open loop, fixed rate; not BenchmarkDotNet jobs):
//   ... -- teams-load
//   ... -- slack-load [--rate 200] [--seconds 15]
// The studio's first contentful paint and turn round trip, each with a baseline:
//   ... -- studio-perf
if (args is ["teams-load"])
{
    return await TeamsMessagesLoad.RunAsync();
}

if (args is ["studio-perf"])
{
    return await StudioPerf.RunAsync();
}

if (args is ["slack-load", ..])
{
    return await SlackAckLoad.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SlackAckLoad).Assembly).Run(args);
return 0;
