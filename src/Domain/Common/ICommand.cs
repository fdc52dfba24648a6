namespace Funds.Domain.Common;

/// <summary>A request to change something: every command is listed, with who may send it, in the permissions table.</summary>
public interface ICommand;
