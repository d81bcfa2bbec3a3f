Console.WriteLine("runner: under construction");
