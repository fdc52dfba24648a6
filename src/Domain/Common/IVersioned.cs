namespace Funds.Domain.Common;

/// <summary>A write model that knows its stream version (what an ETag names).</summary>
public interface IVersioned
{
    int Version { get; }
}
