package org.ceir.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ceir.ingest.ImportKind;
import org.ceir.ingest.Upload;

/**
 * An upload as its live page shows it and as its server-sent events tell it: the job's facts, and
 * the importer's progress while it runs here.
 */
record LiveImport(long id, ImportKind kind, String fileName, String uploadedBy, long bytes, Upload.State state,
                  String phase, long bytesRead, long rows, String summary) {

    static LiveImport of(Upload upload) {
        Upload.Progress progress = upload.progress().orElse(null);
        long total = progress != null && progress.bytesTotal() > 0 ? progress.bytesTotal() : upload.bytes();
        long rows = progress != null ? progress.rows() : upload.rowsRead().orElse(0L);
        boolean read = upload.state() == Upload.State.SUCCEEDED || upload.state() == Upload.State.UNCHANGED;
        long bytesRead = progress != null ? progress.bytesRead() : read ? total : 0;
        return new LiveImport(upload.id(), upload.kind(), upload.fileName(), upload.uploadedBy(), total,
                upload.state(), progress == null ? "" : progress.phase(), bytesRead, rows, upload.summary().orElse(""));
    }

    /** The same upload with the progress this process has of it now. */
    LiveImport with(Upload.Progress progress) {
        return new LiveImport(id, kind, fileName, uploadedBy, progress.bytesTotal() > 0 ? progress.bytesTotal() : bytes,
                progress.state(), progress.phase(), progress.bytesRead(), progress.rows(), summary);
    }

    boolean finished() {
        return state.finished();
    }

    /** The phase as a message key's last part: {@code merging-triplets}, {@code waiting}… */
    String phaseKey() {
        return phase.startsWith("waiting") ? "waiting" : phase.replace(' ', '-');
    }

    /** How much of the file has been read, 0 to 100. */
    int percent() {
        if (state == Upload.State.SUCCEEDED || state == Upload.State.UNCHANGED) {
            return 100;
        }
        return bytes <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / bytes);
    }

    /** The state as the page's script reads it. */
    Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("state", state.name());
        snapshot.put("phase", phaseKey());
        snapshot.put("percent", percent());
        snapshot.put("bytesRead", bytesRead);
        snapshot.put("bytes", bytes);
        snapshot.put("rows", rows);
        snapshot.put("jobId", id);
        snapshot.put("summary", summary);
        return snapshot;
    }
}
