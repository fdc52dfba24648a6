using Funds.Api.Hosting;

return await FundsApi.RunAsync(args);

public partial class Program;
