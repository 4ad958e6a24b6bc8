using BucketOperator.Operator.Configuration;

namespace BucketOperator.Operator.Tests.Unit;

public sealed class OperatorSettingsTests
{
    private const string Token = "lat_s3cr3t-t0ken";

    /// <summary>SPEC's settings table: flag, variable, a valid value, and how that value reads back from the options.</summary>
    public static TheoryData<string, string, string, string> EverySetting => new()
    {
        { "--kubeconfig", "KUBECONFIG", "/home/dev/.kube/other", "/home/dev/.kube/other" },
        { "--latitude-api-url", "LATITUDE_API_URL", "http://127.0.0.1:9000/", "http://127.0.0.1:9000/" },
        { "--latitude-token-file", "LATITUDE_API_TOKEN_FILE", "/var/run/latitude/token", "/var/run/latitude/token" },
        { "--default-project", "LATITUDE_DEFAULT_PROJECT", "proj_6059EqYkOQj8p", "proj_6059EqYkOQj8p" },
        { "--latitude-reads-per-minute", "LATITUDE_READS_PER_MINUTE", "600", "600" },
        { "--latitude-writes-per-minute", "LATITUDE_WRITES_PER_MINUTE", "200", "200" },
        { "--watch-namespaces", "WATCH_NAMESPACES", "team-a, team-b,,", "team-a|team-b" },
        { "--workers", "WORKERS", "12", "12" },
        { "--resync-period", "RESYNC_PERIOD", "1h30m", "01:30:00" },
        { "--leader-elect", "LEADER_ELECT", "true", "True" },
        { "--leader-election-namespace", "LEADER_ELECTION_NAMESPACE", "ops", "ops" },
        { "--metrics-bind-address", "METRICS_BIND_ADDRESS", "0.0.0.0:9090", "0.0.0.0:9090" },
        { "--health-probe-bind-address", "HEALTH_PROBE_BIND_ADDRESS", ":9091", ":9091" },
        { "--log-format", "LOG_FORMAT", "text", "text" },
    };

    public static TheoryData<string, string, string> InvalidValues => new()
    {
        { "--workers", "WORKERS", "0" },
        { "--workers", "WORKERS", "-1" },
        { "--workers", "WORKERS", "abc" },
        { "--resync-period", "RESYNC_PERIOD", "10" },
        { "--resync-period", "RESYNC_PERIOD", "0s" },
        { "--resync-period", "RESYNC_PERIOD", "abc" },
        { "--resync-period", "RESYNC_PERIOD", "99999999999999h" },
        { "--latitude-api-url", "LATITUDE_API_URL", "not a url" },
        { "--latitude-reads-per-minute", "LATITUDE_READS_PER_MINUTE", "0" },
        { "--latitude-writes-per-minute", "LATITUDE_WRITES_PER_MINUTE", "100001" },
        { "--latitude-writes-per-minute", "LATITUDE_WRITES_PER_MINUTE", "20/min" },
        { "--latitude-api-url", "LATITUDE_API_URL", "ftp://api.latitude.sh" },
        { "--latitude-api-url", "LATITUDE_API_URL", "api.latitude.sh" },
        { "--metrics-bind-address", "METRICS_BIND_ADDRESS", "8080" },
        { "--metrics-bind-address", "METRICS_BIND_ADDRESS", ":0" },
        { "--health-probe-bind-address", "HEALTH_PROBE_BIND_ADDRESS", "localhost:http" },
        { "--health-probe-bind-address", "HEALTH_PROBE_BIND_ADDRESS", ":65536" },
        { "--log-format", "LOG_FORMAT", "xml" },
        { "--leader-elect", "LEADER_ELECT", "maybe" },
    };

    [Fact]
    public void Parse_Nothing_GivesSpecDefaults()
    {
        var options = Parse([]);

        Assert.Equal((new Uri("https://api.latitude.sh"), 4, TimeSpan.FromMinutes(10), false), (options.LatitudeApiUrl, options.Workers, options.ResyncPeriod, options.LeaderElect));
        Assert.Equal((60, 20), (options.LatitudeReadsPerMinute, options.LatitudeWritesPerMinute));
        Assert.Equal((":8080", ":8081", "json"), (options.MetricsBindAddress, options.HealthProbeBindAddress, options.LogFormat));
        Assert.Empty(options.WatchNamespaces);
    }

    [Theory]
    [MemberData(nameof(EverySetting))]
    public void Parse_FlagWithSeparateValue_SetsItsOption(string flag, string variable, string value, string expected)
    {
        _ = variable;
        Assert.Equal(expected, Read(Parse([flag, value]), flag));
    }

    [Theory]
    [MemberData(nameof(EverySetting))]
    public void Parse_FlagWithInlineValue_SetsItsOption(string flag, string variable, string value, string expected)
    {
        _ = variable;
        Assert.Equal(expected, Read(Parse([$"{flag}={value}"]), flag));
    }

    [Theory]
    [MemberData(nameof(EverySetting))]
    public void Parse_EnvironmentVariable_SetsItsOption(string flag, string variable, string value, string expected) =>
        Assert.Equal(expected, Read(Parse([], (variable, value)), flag));

    [Theory]
    [MemberData(nameof(EverySetting))]
    public void Parse_FlagAndVariable_FlagWins(string flag, string variable, string value, string expected)
    {
        var options = Parse([flag, value], (variable, OtherValid(flag)));

        Assert.Equal(expected, Read(options, flag));
    }

    [Fact]
    public void Parse_InvalidVariableOverriddenByValidFlag_IsAccepted() =>
        Assert.Equal(3, Parse(["--workers", "3"], ("WORKERS", "abc")).Workers);

    [Fact]
    public void Parse_TokenVariable_SetsTheToken() =>
        Assert.Equal(Token, Parse([], ("LATITUDE_API_TOKEN", Token)).LatitudeToken);

    [Fact]
    public void Parse_EmptyVariable_CountsAsUnset() =>
        Assert.Equal(4, Parse([], ("WORKERS", "")).Workers);

    [Theory]
    [InlineData(new[] { "--leader-elect" }, true)]
    [InlineData(new[] { "--leader-elect", "--workers", "2" }, true)]
    [InlineData(new[] { "--leader-elect=false" }, false)]
    [InlineData(new[] { "--leader-elect", "false" }, false)]
    [InlineData(new[] { "--leader-elect=TRUE" }, true)]
    public void Parse_LeaderElectSwitch_AloneMeansTrue(string[] args, bool expected) =>
        Assert.Equal(expected, Parse(args, ("LEADER_ELECT", expected ? "false" : "true")).LeaderElect);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Parse_Help_ListsEveryFlagAndVariable(string flag)
    {
        var result = OperatorSettings.Parse(["--workers", "abc", flag], _ => null);

        Assert.Null(result.Options);
        Assert.NotNull(result.Help);
        foreach (var (name, variable) in EverySetting.Select(row => ((string)row[0], (string)row[1])))
        {
            Assert.Contains(name, result.Help, StringComparison.Ordinal);
            Assert.Contains(variable, result.Help, StringComparison.Ordinal);
        }

        Assert.Contains("LATITUDE_API_TOKEN ", result.Help, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Parse_InvalidFlagValue_ErrorNamesFlagAndVariable(string flag, string variable, string value) =>
        AssertSingleError(OperatorSettings.Parse([$"{flag}={value}"], _ => null), flag, variable);

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Parse_InvalidVariableValue_ErrorNamesFlagAndVariable(string flag, string variable, string value) =>
        AssertSingleError(OperatorSettings.Parse([], name => name == variable ? value : null), flag, variable);

    [Theory]
    [InlineData("--workers")]
    [InlineData("--resync-period")]
    public void Parse_FlagWithoutValue_ErrorNamesIt(string flag) =>
        Assert.Contains(flag, Assert.Single(OperatorSettings.Parse([flag], _ => null).Errors), StringComparison.Ordinal);

    [Theory]
    [InlineData("--wrokers", "--wrokers")]
    [InlineData("--wrokers=4", "--wrokers")]
    [InlineData("-w", "-w")]
    [InlineData("positional", "argument 1")]
    public void Parse_UnknownArgument_ErrorNamesIt(string argument, string named)
    {
        var result = OperatorSettings.Parse([argument], _ => null);

        Assert.Null(result.Options);
        Assert.Contains(named, Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--latitude-api-token=" + Token)]
    [InlineData("--latitude-api-token", Token)]
    [InlineData("--token", Token)]
    public void Parse_TokenPassedAsUnknownFlag_ErrorNeverShowsIt(params string[] args)
    {
        var result = OperatorSettings.Parse(args, _ => null);

        Assert.Null(result.Options);
        Assert.Contains(result.Errors, e => e.Contains(args[0].Split('=')[0], StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.DoesNotContain(Token, e, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SeveralInvalidSettings_ReportsEach()
    {
        var result = OperatorSettings.Parse(["--workers", "0", "--log-format", "xml"], name => name == "RESYNC_PERIOD" ? "abc" : null);

        Assert.Null(result.Options);
        Assert.Equal(3, result.Errors.Count);
    }

    [Theory]
    [InlineData("lat_abc def")]
    [InlineData("lat_abc\ndef")]
    [InlineData("lat_abc\u0000def")]
    public void Parse_InvalidToken_ErrorNamesTheVariableButNeverTheToken(string token)
    {
        var result = OperatorSettings.Parse(["--workers", "abc"], name => name == "LATITUDE_API_TOKEN" ? token : null);

        Assert.Null(result.Options);
        Assert.Contains(result.Errors, e => e.Contains("LATITUDE_API_TOKEN", StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.DoesNotContain("lat_abc", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TokenWithSurroundingNewline_IsAccepted() =>
        Assert.NotNull(Parse([], ("LATITUDE_API_TOKEN", Token + "\n")).LatitudeToken);

    [Fact]
    public void ToString_WithToken_NeverShowsIt()
    {
        var options = Parse(["--workers", "2"], ("LATITUDE_API_TOKEN", Token));

        var text = options.ToString();

        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.Contains("Workers = 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, $"{options with { Workers = 3 }}", StringComparison.Ordinal);
    }

    private static OperatorOptions Parse(string[] args, params (string Name, string Value)[] environment)
    {
        var result = OperatorSettings.Parse(args, name => environment.FirstOrDefault(e => e.Name == name).Value);
        Assert.Empty(result.Errors);
        Assert.Null(result.Help);
        return Assert.IsType<OperatorOptions>(result.Options);
    }

    private static void AssertSingleError(SettingsResult result, string flag, string variable)
    {
        Assert.Null(result.Options);
        var error = Assert.Single(result.Errors);
        Assert.Contains(flag, error, StringComparison.Ordinal);
        Assert.Contains(variable, error, StringComparison.Ordinal);
    }

    /// <summary>A valid value different from the table's, for the variable a flag must override.</summary>
    private static string OtherValid(string flag) => flag switch
    {
        "--latitude-api-url" => "https://other.example",
        "--watch-namespaces" => "elsewhere",
        "--workers" => "7",
        "--latitude-reads-per-minute" or "--latitude-writes-per-minute" => "30",
        "--resync-period" => "5m",
        "--metrics-bind-address" or "--health-probe-bind-address" => ":7000",
        "--log-format" => "json",
        "--leader-elect" => "false",
        _ => "from-environment",
    };

    /// <summary>The option a flag sets, as text comparable with <see cref="EverySetting"/>.</summary>
    private static string? Read(OperatorOptions options, string flag) => flag switch
    {
        "--kubeconfig" => options.Kubeconfig,
        "--latitude-api-url" => options.LatitudeApiUrl.ToString(),
        "--latitude-token-file" => options.LatitudeTokenFile,
        "--default-project" => options.DefaultProject,
        "--latitude-reads-per-minute" => options.LatitudeReadsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--latitude-writes-per-minute" => options.LatitudeWritesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--watch-namespaces" => string.Join('|', options.WatchNamespaces),
        "--workers" => options.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--resync-period" => options.ResyncPeriod.ToString(),
        "--leader-elect" => options.LeaderElect.ToString(),
        "--leader-election-namespace" => options.LeaderElectionNamespace,
        "--metrics-bind-address" => options.MetricsBindAddress,
        "--health-probe-bind-address" => options.HealthProbeBindAddress,
        "--log-format" => options.LogFormat,
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "not in SPEC's table"),
    };
}
