using RolePlay.Bot.Cli;

return await RolePlayCli.Build().Parse(args).InvokeAsync();
