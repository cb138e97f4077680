package org.dip4j.samediff.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.dip4j.api.DipException;
import org.dip4j.api.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything a run needs to continue exactly where it stopped: the network parameters, the Adam
 * moments and step count, the moving average, the divergence guard's last good state and the
 * iteration. Random numbers need no state: each iteration's perturbation is drawn from a stream
 * derived from the seed and the iteration ({@link Seeds}).
 *
 * <p>Stored as one zip file, written to a temporary file and renamed over the previous one, so a
 * crash while writing leaves the previous checkpoint intact.
 *
 * @param iteration iterations completed; the next one to run
 * @param optimizerSteps Adam's step count (it also counts steps the divergence guard undid)
 * @param restores divergence-guard restores so far
 * @param lastPsnr the guard's reference PSNR, NaN before the first iteration
 * @param arrays named arrays, laid out by {@code CheckpointCodec}: {@code param/<name>},
 *     {@code adam/<name>/M}, {@code adam/<name>/V}, {@code good/<name>}, {@code average}, and the
 *     early stopping's {@code es/...}
 * @param extra further scalars (the elapsed seconds, the early stopping's {@code es.*})
 */
public record Checkpoint(int iteration, int optimizerSteps, int restores, double lastPsnr,
        Map<String, INDArray> arrays, Properties extra) {

    /** The file name inside a run folder. */
    public static final String FILE = "checkpoint.zip";
    /** The format this class writes (the layout {@code CheckpointCodec} defines); checkpoints without one are format 1. */
    public static final int FORMAT = CheckpointCodec.FORMAT;
    private static final String STATE = "state.properties";

    public @Nullable INDArray array(String name) {
        return arrays.get(name);
    }

    /** Writes atomically to {@code file}. */
    public void write(Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                zip.setLevel(java.util.zip.Deflater.NO_COMPRESSION); // floats barely compress; speed matters
                Properties p = new Properties();
                p.setProperty("format", Integer.toString(FORMAT));
                p.setProperty("iteration", Integer.toString(iteration));
                p.setProperty("optimizer-steps", Integer.toString(optimizerSteps));
                p.setProperty("restores", Integer.toString(restores));
                p.setProperty("last-psnr", Double.toString(lastPsnr));
                extra.forEach((k, v) -> p.setProperty("x." + k, v.toString()));
                zip.putNextEntry(new ZipEntry(STATE));
                p.store(zip, "dip4j checkpoint");
                zip.closeEntry();
                for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                    zip.putNextEntry(new ZipEntry("arrays/" + e.getKey()));
                    DataOutputStream out = new DataOutputStream(zip);
                    Nd4j.write(e.getValue(), out);
                    out.flush();
                    zip.closeEntry();
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DipException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a checkpoint written by {@link #write}. A file that is not one, is cut short or comes
     * from a newer format is an {@link InvalidInputException} naming the file and what to do.
     */
    public static Checkpoint read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no checkpoint at " + file
                    + " (a run writes one every dip.run.checkpoint-every iterations and when it stops)");
        }
        String startAgain = "; start the run again (or put back an earlier copy of " + FILE + ")";
        Properties p = new Properties();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        boolean state = false;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(STATE)) {
                    p.load(zip);
                    state = true;
                } else if (e.getName().startsWith("arrays/")) {
                    arrays.put(e.getName().substring("arrays/".length()), Nd4j.read(new DataInputStream(zip)));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("the checkpoint " + file + " is damaged (" + damage(e) + ")" + startAgain, e);
        }
        if (!state) {
            throw new InvalidInputException(file + " is not a dip4j checkpoint (" + (sizeOf(file) == 0 ? "the file is empty"
                    : "no " + STATE + " inside") + ")" + startAgain);
        }
        int format = intOf(p, "format", FORMAT, file, startAgain);
        if (format > FORMAT) {
            throw new InvalidInputException("the checkpoint " + file + " has format " + format
                    + ", written by a newer dip4j; this one reads format " + FORMAT + " (use that version to resume)");
        }
        Properties extra = new Properties();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("x.")) {
                extra.setProperty(k.substring(2), p.getProperty(k));
            }
        }
        double lastPsnr;
        try {
            lastPsnr = Double.parseDouble(p.getProperty("last-psnr", "NaN"));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("the checkpoint " + file + " is damaged (last-psnr is not a number)"
                    + startAgain, e);
        }
        return new Checkpoint(intOf(p, "iteration", null, file, startAgain),
                intOf(p, "optimizer-steps", null, file, startAgain), intOf(p, "restores", null, file, startAgain),
                lastPsnr, arrays, extra);
    }

    private static int intOf(Properties p, String key, @Nullable Integer fallback, Path file, String startAgain) {
        String v = p.getProperty(key);
        if (v == null && fallback != null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v == null ? "" : v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("the checkpoint " + file + " is damaged (" + key
                    + (v == null ? " is missing" : " is not a whole number") + ")" + startAgain, e);
        }
    }

    /** What a failed read says about the file, in words. */
    private static String damage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException) {
                return "it ends early: the write was cut off";
            }
            if (t instanceof java.util.zip.ZipException z) {
                return "not a valid zip file: " + z.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
