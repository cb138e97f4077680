package org.dip4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.dip4j.experiment.RunRecord;
import org.dip4j.experiment.RunSpec;

/**
 * Where the run folders of one experiment go, as seen from a worker: a local path written in
 * place (it must be the same folder for the driver and every worker: a single machine, or a
 * shared mount), or a Hadoop file system URI ({@code hdfs://}, {@code s3a://}, {@code file:///}...)
 * that each task writes through a local staging folder.
 */
final class OutputLocation implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final String root;
    private final boolean hadoop;

    private OutputLocation(String root, boolean hadoop) {
        this.root = root;
        this.hadoop = hadoop;
    }

    /** A local folder, written in place. */
    static OutputLocation local(Path folder) {
        return new OutputLocation(folder.toAbsolutePath().normalize().toString(), false);
    }

    /** {@code location} with a URI scheme goes through Hadoop's FileSystem; a plain path is local. */
    static OutputLocation parse(String location) {
        return SCHEME.matcher(location).matches() && !location.matches("^[A-Za-z]:\\\\.*")
                ? new OutputLocation(location.endsWith("/") ? location.substring(0, location.length() - 1) : location, true)
                : local(Path.of(location));
    }

    /** The location of the experiment called {@code name} below this one. */
    OutputLocation child(String name) {
        return new OutputLocation(hadoop ? root + "/" + name : Path.of(root).resolve(name).toString(), hadoop);
    }

    boolean isHadoop() {
        return hadoop;
    }

    /** Where the run {@code id}'s folder is. */
    String folderOf(String id) {
        return hadoop ? root + "/" + id : Path.of(root).resolve(id).toString();
    }

    /**
     * Runs {@code spec} with {@code run} (given the local folder to write) and leaves the folder
     * at this location. A Hadoop location's existing folder is first copied down, so a finished
     * run is recognised and a killed one continues from its checkpoint.
     */
    RunRecord run(RunSpec spec, Configuration hadoopConf, Function<Path, RunRecord> run) {
        if (!hadoop) {
            return run.apply(Path.of(folderOf(spec.id())));
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory("dip-run-");
            Path local = staging.resolve(spec.id());
            org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(URI.create(folderOf(spec.id())));
            FileSystem fs = raw(remote.getFileSystem(hadoopConf));
            if (fs.exists(remote)) {
                fs.copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(staging.toUri()), true);
            }
            RunRecord record = run.apply(local);
            if (record.status() != RunRecord.Status.ALREADY_DONE && Files.isDirectory(local)) {
                fs.delete(remote, true);
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), remote);
            }
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage run " + spec.id() + " at " + folderOf(spec.id()) + ": "
                    + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    /** The local file system without checksum files beside every copied file. */
    private static FileSystem raw(FileSystem fs) {
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless; the run's result is already stored.
        }
    }

    @Override
    public String toString() {
        return root;
    }
}
