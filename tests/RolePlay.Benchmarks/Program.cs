using BenchmarkDotNet.Running;
using RolePlay.Benchmarks.Teams;

// Run in Release: dotnet run -c Release --project tests/RolePlay.Benchmarks -- --filter '*'
// The Teams endpoint under paced load (an open-loop run, not a BenchmarkDotNet job): ... -- teams-load
if (args is ["teams-load"])
{
    return await TeamsMessagesLoad.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(TeamsMessagesLoad).Assembly).Run(args);
return 0;
