using LotteryTickets.Workbook;

namespace LotteryTickets.Networks;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 60,000 training and 10,000 test images of 28x28
/// clothing items in 10 classes, read from the four IDX files. The files are looked for in the folders
/// of <c>environment.json</c>'s <c>datasetSearchPath</c> (by default <c>data/fashion-mnist</c>, then
/// <c>/usr/share/datasets/fashion-mnist</c>, where Debian's <c>dataset-fashion-mnist</c> package puts them).
/// </summary>
public sealed class FashionMnist
{
    /// <summary>The four file names, each also accepted without the <c>.gz</c> suffix.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    /// <summary>The class names in label order.</summary>
    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>How to get the data, quoted in every "not found" message.</summary>
    public const string HowToGet =
        "Install Debian's package (sudo apt-get install dataset-fashion-mnist, files in /usr/share/datasets/fashion-mnist) " +
        "or download the four *-ubyte.gz files from https://github.com/zalandoresearch/fashion-mnist into data/fashion-mnist/.";

    private FashionMnist(ImageSet train, ImageSet test, string folder) => (Train, Test, Folder) = (train, test, folder);

    /// <summary>The 60,000 training images.</summary>
    public ImageSet Train { get; }

    /// <summary>The 10,000 test images.</summary>
    public ImageSet Test { get; }

    /// <summary>The folder the files were read from.</summary>
    public string Folder { get; }

    /// <summary>The folders searched, in order: <paramref name="searchPath"/> if given, else environment.json's datasetSearchPath resolved against the repository's top.</summary>
    public static IReadOnlyList<string> SearchFolders(IEnumerable<string>? searchPath = null)
    {
        if (searchPath is not null) return searchPath.Select(Path.GetFullPath).ToList();
        try
        {
            var env = WorkbookEnvironment.Load();
            return env.Defaults.DatasetSearchPath.Select(env.ResolvePath).ToList();
        }
        catch (FileNotFoundException)
        {
            return ["data/fashion-mnist", "/usr/share/datasets/fashion-mnist"];
        }
    }

    /// <summary>The first folder holding all four files, or null.</summary>
    public static string? TryLocate(IEnumerable<string>? searchPath = null) =>
        SearchFolders(searchPath).FirstOrDefault(folder => FileNames.All(name => FindFile(folder, name) is not null));

    /// <summary>Whether the dataset is available (notebooks and tests use it to skip with a reason).</summary>
    public static bool IsAvailable(IEnumerable<string>? searchPath = null) => TryLocate(searchPath) is not null;

    /// <summary>Reads the dataset from the first folder that holds all four files.</summary>
    /// <exception cref="FileNotFoundException">No folder holds the files; the message lists the folders and how to get the data.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt or has the wrong shape.</exception>
    public static FashionMnist Load(IEnumerable<string>? searchPath = null)
    {
        var folders = SearchFolders(searchPath);
        string? folder = TryLocate(folders);
        if (folder is null)
            throw new FileNotFoundException(
                $"Fashion-MNIST not found. Looked for {string.Join(", ", FileNames)} in: {string.Join("; ", folders)}. {HowToGet}");
        return LoadFolder(folder);
    }

    /// <summary>Reads the four files from one folder.</summary>
    public static FashionMnist LoadFolder(string folder)
    {
        string Need(string name) => FindFile(folder, name)
            ?? throw new FileNotFoundException($"'{Path.Combine(folder, name)}' is missing. {HowToGet}", Path.Combine(folder, name));
        var train = ReadSet(Need(FileNames[0]), Need(FileNames[1]));
        var test = ReadSet(Need(FileNames[2]), Need(FileNames[3]));
        return new FashionMnist(train, test, folder);
    }

    private static string? FindFile(string folder, string name)
    {
        string gz = Path.Combine(folder, name);
        if (File.Exists(gz)) return gz;
        string plain = Path.Combine(folder, Path.GetFileNameWithoutExtension(name));
        return File.Exists(plain) ? plain : null;
    }

    /// <summary>Reads one image file and its label file and checks that they agree (28x28 images, labels 0..9, equal counts).</summary>
    public static ImageSet ReadSet(string imagesPath, string labelsPath)
    {
        var images = IdxReader.Read(imagesPath);
        var labels = IdxReader.Read(labelsPath);
        if (images.Dimensions.Length != 3 || images.Dimensions[1] != 28 || images.Dimensions[2] != 28)
            throw new InvalidDataException($"{imagesPath}: expected images of shape (count, 28, 28); got ({string.Join(", ", images.Dimensions)}). {HowToGet}");
        if (labels.Dimensions.Length != 1)
            throw new InvalidDataException($"{labelsPath}: expected a one-dimensional label file; got ({string.Join(", ", labels.Dimensions)}).");
        if (labels.Dimensions[0] != images.Dimensions[0])
            throw new InvalidDataException($"{labelsPath} has {labels.Dimensions[0]} labels but {imagesPath} has {images.Dimensions[0]} images.");
        int bad = Array.FindIndex(labels.Data, l => l >= ClassNames.Count);
        if (bad >= 0)
            throw new InvalidDataException($"{labelsPath}: label {labels.Data[bad]} at position {bad} is not a Fashion-MNIST class (0..9).");
        return new ImageSet(images.Data, labels.Data, 28, ClassNames.Count);
    }

    /// <inheritdoc />
    public override string ToString() => $"Fashion-MNIST from {Folder}: train {Train.Count}, test {Test.Count}";
}
