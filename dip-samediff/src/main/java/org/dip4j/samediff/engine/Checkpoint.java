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
 * @param arrays named arrays: {@code param/<name>}, {@code adam/<name>/M}, {@code adam/<name>/V},
 *     {@code good/<name>}, {@code average}, and the early stopping's {@code es/...}
 * @param extra further scalars (the early stopping's)
 */
public record Checkpoint(int iteration, int optimizerSteps, int restores, double lastPsnr,
        Map<String, INDArray> arrays, Properties extra) {

    /** The file name inside a run folder. */
    public static final String FILE = "checkpoint.zip";

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
                p.setProperty("iteration", Integer.toString(iteration));
                p.setProperty("optimizer-steps", Integer.toString(optimizerSteps));
                p.setProperty("restores", Integer.toString(restores));
                p.setProperty("last-psnr", Double.toString(lastPsnr));
                extra.forEach((k, v) -> p.setProperty("x." + k, v.toString()));
                zip.putNextEntry(new ZipEntry("state.properties"));
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

    /** Reads a checkpoint written by {@link #write}. */
    public static Checkpoint read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no checkpoint at " + file
                    + " (a run writes one every dip.run.checkpoint-every iterations and when it stops)");
        }
        Properties p = new Properties();
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("state.properties")) {
                    p.load(zip);
                } else if (e.getName().startsWith("arrays/")) {
                    arrays.put(e.getName().substring("arrays/".length()), Nd4j.read(new DataInputStream(zip)));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
        }
        Properties extra = new Properties();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("x.")) {
                extra.setProperty(k.substring(2), p.getProperty(k));
            }
        }
        return new Checkpoint(Integer.parseInt(p.getProperty("iteration")),
                Integer.parseInt(p.getProperty("optimizer-steps")), Integer.parseInt(p.getProperty("restores")),
                Double.parseDouble(p.getProperty("last-psnr")), arrays, extra);
    }
}
