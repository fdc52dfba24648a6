namespace Funds.Api.Pipeline;

public static class Exceptions
{
    /// <summary>The exception and every inner exception under it, outermost first (Marten and Npgsql wrap deeply).</summary>
    public static IEnumerable<Exception> Chain(this Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }

    public static T? Find<T>(this Exception? e) where T : Exception => e.Chain().OfType<T>().FirstOrDefault();
}
