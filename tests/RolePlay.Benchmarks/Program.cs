using BenchmarkDotNet.Running;
using RolePlay.Benchmarks.Dashboard;
using RolePlay.Benchmarks.Routines;
using RolePlay.Benchmarks.Slack;
using RolePlay.Benchmarks.Studio;
using RolePlay.Benchmarks.Teams;
using RolePlay.Benchmarks.Voice;

// Run in Release: dotnet run -c Release --project tests/RolePlay.Benchmarks -- --filter '*'
// The endpoints under paced load (open loop, fixed rate; not BenchmarkDotNet jobs):
//   ... -- teams-load
//   ... -- slack-load [--rate 200] [--seconds 15] [--data-dir DIR ...]
//   ... -- slack-burst [--people 100] [--rate 200] [--seconds 30] [--workspaces 50]
// The dashboard of a 500-person team with a year of practice, timed beside raw reads of the same rows:
//   ... -- dashboard-load [--keep]
// The studio's first contentful paint and turn round trip, each with a baseline:
//   ... -- studio-perf
// One minute's daily prompt fanned out through the runner and senders against the rate-limited fakes:
//   ... -- prompt-fanout [--people 10000] [--teams-tenants 5] [--slack-workspaces 10] [--new-percent 10] [--concurrency 32]
// The turn latency the model voice adds (against the chat-completions stand-in), beside the rule voice's in the same run:
//   ... -- voice-latency
// One scene in the rule voice and in the model voice (the stand-in saying "engine line=wording" pairs):
//   ... -- voice-transcripts ["line=wording" ...]
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

if (args is ["slack-burst", ..])
{
    return await SlackBurst.RunAsync(args[1..]);
}

if (args is ["dashboard-load", ..])
{
    return await DashboardLoad.RunAsync(args[1..]);
}

if (args is ["voice-latency"])
{
    return await VoiceLatency.RunAsync();
}

if (args is ["voice-transcripts", ..])
{
    return await VoiceTranscripts.RunAsync(args[1..]);
}

if (args is ["prompt-fanout", ..])
{
    return await PromptFanOut.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SlackAckLoad).Assembly).Run(args);
return 0;
