using BenchmarkDotNet.Running;

// Run in Release: dotnet run -c Release --project tests/RolePlay.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
