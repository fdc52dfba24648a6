namespace Funds.Domain.Common;

/// <summary>A command field the decider accepts as missing although it is not last (positional records give
/// defaults only to trailing parameters). Fields with a default or this mark are optional in the API contract;
/// every other command field is required.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OptionalAttribute : Attribute;
