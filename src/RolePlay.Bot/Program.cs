using RolePlay.Bot.Cli;

return await RolePlayCli.RunAsync(args);
