using AgentPhone;
using AgentPhone.Flash;

return FlashCommand.Run(args, Console.Out, RepositoryRoot.Find());
