namespace Funds.Api.Pipeline;

/// <summary>A response that names its own address: a command that creates it answers 201 with this Location.</summary>
public interface IResource
{
    string Location { get; }
}
