using Funds.Verify;

return Verifier.Run(args, Console.Out);
