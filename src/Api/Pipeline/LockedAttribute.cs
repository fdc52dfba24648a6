using System.Reflection;
using System.Text.RegularExpressions;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Wolverine.Configuration;
using Wolverine.Persistence;

namespace Funds.Api.Pipeline;

/// <summary>The aggregate a command decides on: Wolverine's aggregate handler workflow, with the stream's
/// row locked from the read until the events are saved, so writers to one stream queue instead of failing
/// on each other and every decision is taken on the latest state. A missing stream is a 404 problem.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class LockedAttribute : WriteAggregateAttribute
{
    public LockedAttribute() => LoadStyle = ConcurrencyStyle.Exclusive;

    public override Variable Modify(IChain chain, ParameterInfo parameter, IServiceContainer container, GenerationRules rules)
    {
        OnMissing = OnMissing.ProblemDetailsWith404;
        MissingMessage = $"No {Words(parameter.ParameterType.Name)} with id {{Id}}.";
        return base.Modify(chain, parameter, container, rules);
    }

    private static string Words(string typeName) => Regex.Replace(typeName, "(?<=[a-z])([A-Z])", " $1").ToLowerInvariant();
}
