using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace LotteryTickets.Workbook;

/// <summary>
/// The rules for every JSON file the workbook writes and reads back (target descriptions, ticket masks, timing reports):
/// camelCase keys exactly as written (case matters), every key the type declares must be present (null is written out
/// for an absent optional value), no unknown or duplicate keys, no comments or trailing commas, and null only where the
/// type allows it. Writer and reader share these options, so whatever the library writes it reads back, and a misspelled,
/// missing or extra key is an error that names the key instead of a silent default. Read-only (computed) properties are
/// written for the reader's convenience and ignored on reading.
/// </summary>
public static partial class StrictJson
{
    /// <summary>Indented options, for files.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>Compact options: the canonical form a checksum of a description is computed over.</summary>
    internal static JsonSerializerOptions Canonical { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { EveryKeyRequired } },
        };
        options.MakeReadOnly();
        return options;
    }

    // Constructor parameters with defaults and settable properties are optional to System.Text.Json; here every one is required.
    private static void EveryKeyRequired(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
            if (property.Set is not null || property.AssociatedParameter is not null) property.IsRequired = true;
    }

    /// <summary>
    /// Deserializes <paramref name="json"/> with the strict rules; a violation becomes an <see cref="InvalidDataException"/>
    /// that names <paramref name="path"/>, the kind of file and what is wrong (the key, and where).
    /// </summary>
    public static T Deserialize<T>(string json, string path, string what) => Deserialize<T>(json, path, what, reparsed: false);

    /// <summary>Deserializes an already parsed object with the strict rules (see <see cref="Deserialize{T}(string, string, string)"/>).</summary>
    public static T Deserialize<T>(JsonObject node, string path, string what) => Deserialize<T>(node.ToJsonString(), path, what, reparsed: true);

    private static T Deserialize<T>(string json, string path, string what, bool reparsed)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                   ?? throw new InvalidDataException($"{path} is not a valid {what}: it holds null.");
        }
        catch (JsonException e)
        {
            // The JSON path ($.architecture.layers[1].stride) says where; line numbers of a re-serialized object would not
            // match the file, and the serializer's advice to developers is no help to a reader of the file.
            string message = e.Message.Replace(" Consider updating its nullability annotation.", "", StringComparison.Ordinal);
            if (reparsed) message = LinePosition().Replace(message, "");
            throw new InvalidDataException($"{path} is not a valid {what}: {message}", e);
        }
    }

    [GeneratedRegex(@" \| LineNumber: \d+ \| BytePositionInLine: \d+")]
    private static partial Regex LinePosition();

    /// <summary>Parses <paramref name="json"/> as one JSON object (no comments, no trailing commas, no duplicate keys).</summary>
    /// <exception cref="InvalidDataException">The text is not valid JSON, or not an object.</exception>
    public static JsonObject ParseObject(string json, string path, string what)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, new JsonNodeOptions { PropertyNameCaseInsensitive = false },
                new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid {what}: not valid JSON ({e.Message})", e);
        }
        return node as JsonObject ?? throw new InvalidDataException($"{path} is not a valid {what}: the file must hold one JSON object.");
    }

    /// <summary>SHA-256, lower-case hex, of <paramref name="value"/>'s canonical (compact) serialization.</summary>
    public static string Sha256OfCanonical<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, Canonical))));

    /// <summary>Whether <paramref name="text"/> is a SHA-256 in lower-case hex (64 characters).</summary>
    public static bool IsSha256(string? text) => text is { Length: 64 } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
