namespace Funds.Api.Security;

/// <summary>Names the entry of the permissions table (Funds.Domain.Access.Reads) that says who may call an
/// endpoint that is not a command. Commands are found in the table by their request type.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllowAttribute(string what) : Attribute
{
    public string What { get; } = what;
}
