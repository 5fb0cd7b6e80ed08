using BenchmarkDotNet.Running;
using RolePlay.Benchmarks.Slack;

// Run in Release: dotnet run -c Release --project tests/RolePlay.Benchmarks -- --filter '*'
// The Slack ack load (open loop, fixed rate): dotnet run -c Release --project tests/RolePlay.Benchmarks -- slack-load [--rate 200] [--seconds 15]
if (args is ["slack-load", ..])
{
    return await SlackAckLoad.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SlackAckLoad).Assembly).Run(args);
return 0;
