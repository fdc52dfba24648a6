using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Middleware;

namespace Funds.Api.Pipeline;

/// <summary>Places <see cref="CommandSteps"/> around every command endpoint (a request type listed in the
/// permissions table), so an endpoint is only its decision: command and aggregate in, events and answer out.</summary>
public sealed class CommandPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.RequestType is { } t && Permissions.Commands.ContainsKey(t)))
        {
            var command = chain.RequestType!;
            var aggregate = chain.Method.Method.GetParameters()
                .FirstOrDefault(p => p.GetCustomAttribute<WriteAggregateAttribute>() is not null)?.ParameterType;

            var body = chain.Middleware.FindIndex(f => f.GetType().Name.Contains("ReadJsonBody"));
            if (body < 0) throw new InvalidOperationException($"{chain.Method} is a command endpoint that reads no JSON body");
            chain.Middleware.Insert(body, Call(nameof(CommandSteps.JsonContent)));
            var afterBody = body + 2;
            chain.Middleware.Insert(afterBody, Call(nameof(CommandSteps.BodyRequired), command));
            chain.Middleware.Insert(afterBody + 1, Call(nameof(CommandSteps.Decision), command));
            chain.Middleware.Insert(afterBody + 2, Call(nameof(CommandSteps.Stamp)));

            // After the aggregate is loaded and locked, before the endpoint's own Load/Before methods and the decision.
            var ownFrames = chain.Middleware.FindIndex(f => f is MethodCall m && m.HandlerType == chain.Method.HandlerType);
            var at = ownFrames < 0 ? chain.Middleware.Count : ownFrames;
            var replay = Call(nameof(CommandSteps.ReplayAsync), command);
            List<Frame> steps = aggregate is null
                ? [Call(nameof(CommandSteps.Authorize), command), replay]
                : [Call(nameof(CommandSteps.Authorize), command, aggregate), replay, Call(nameof(CommandSteps.IfMatch), aggregate)];
            if (rules.TryFindContinuationHandler(chain, replay, out var stopIfReplayed)) steps.Insert(steps.IndexOf(replay) + 1, stopIfReplayed!);
            chain.Middleware.InsertRange(at, steps);

            var answer = typeof(IResource).IsAssignableFrom(chain.ResourceType) && aggregate is null
                ? nameof(CommandSteps.AnswerCreated) : nameof(CommandSteps.Answer);
            chain.Postprocessors.Insert(0, Call(answer, chain.ResourceType ?? throw new InvalidOperationException($"{chain.Method} is a command endpoint without an answer type")));
        }
    }

    private static MethodCall Call(string name, params Type[] typeArguments)
    {
        var method = typeof(CommandSteps).GetMethods().Single(m => m.Name == name && m.GetGenericArguments().Length == typeArguments.Length);
        return new MethodCall(typeof(CommandSteps), typeArguments.Length == 0 ? method : method.MakeGenericMethod(typeArguments));
    }
}
