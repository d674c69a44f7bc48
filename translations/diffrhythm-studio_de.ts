<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CpuSpeedNotice</name>
    <message>
        <source>LibTorch is using the reference BLAS (%1). Install an optimised one, e.g. &lt;code&gt;sudo apt install libopenblas0-pthread&lt;/code&gt;, and restart.</source>
        <translation>LibTorch verwendet die Referenz-BLAS (%1). Installieren Sie eine optimierte, z. B. &lt;code&gt;sudo apt install libopenblas0-pthread&lt;/code&gt;, und starten Sie neu.</translation>
    </message>
    <message>
        <source>&lt;code&gt;OPENBLAS_CORETYPE=%1&lt;/code&gt; selects OpenBLAS&apos;s generic kernels, but this CPU supports %2: unset the variable (or set it to %2) and restart.</source>
        <translation>&lt;code&gt;OPENBLAS_CORETYPE=%1&lt;/code&gt; wählt die generischen Kernel von OpenBLAS, diese CPU unterstützt aber %2: Entfernen Sie die Variable (oder setzen Sie sie auf %2) und starten Sie neu.</translation>
    </message>
    <message>
        <source>OpenBLAS does not know this CPU and runs its generic %1 kernels; its %2 kernels were tried and rejected (%3). A newer OpenBLAS may know this CPU.</source>
        <translation>OpenBLAS kennt diese CPU nicht und nutzt seine generischen %1-Kernel; die %2-Kernel wurden getestet und verworfen (%3). Ein neueres OpenBLAS kennt diese CPU vielleicht.</translation>
    </message>
    <message>
        <source>OpenBLAS runs its generic %1 kernels on this CPU, which supports %2: start the app with &lt;code&gt;OPENBLAS_CORETYPE=%2&lt;/code&gt;.</source>
        <translation>OpenBLAS nutzt auf dieser CPU seine generischen %1-Kernel, obwohl sie %2 unterstützt: Starten Sie die App mit &lt;code&gt;OPENBLAS_CORETYPE=%2&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Check that an optimised BLAS (OpenBLAS or MKL) is installed and that no other program is using the CPU.</source>
        <translation>Prüfen Sie, ob eine optimierte BLAS (OpenBLAS oder MKL) installiert ist und kein anderes Programm die CPU belegt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Slow CPU maths:&lt;/b&gt; matrix multiplication runs at only %1 GFLOP/s on %2 threads, where this CPU&apos;s vector units should give at least %3, so songs will take many times longer than they should. %4</source>
        <translation>&lt;b&gt;Langsame CPU-Rechnung:&lt;/b&gt; Matrixmultiplikation läuft mit nur %1 GFLOP/s auf %2 Threads, wo die Vektoreinheiten dieser CPU mindestens %3 schaffen sollten; Songs dauern deshalb ein Vielfaches der nötigen Zeit. %4</translation>
    </message>
    <message>
        <source>CPU maths: %1
Vector units: %2</source>
        <translation>CPU-Rechnung: %1
Vektoreinheiten: %2</translation>
    </message>
</context>
<context>
    <name>drs::ui::ErrorAdvice</name>
    <message>
        <source>The request cannot be generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model files are missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model files are damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Choose another folder or free some disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close other programs, choose a shorter song or a faster preset, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the lyrics (problems are marked in the editor), the style prompt and the song length, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the DiffRhythm model files with Models… or point DRS_MODEL_DIR at a model folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the model again with Models…; a file is incomplete or of the wrong version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a bug. Your lyrics and settings are kept; please report the message above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>drs::ui::ExampleSongs</name>
    <message>
        <source>Paper Boats (folk pop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neon Runner (synthwave)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kitchen Table Blues (blues)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>drs::ui::LrcTools</name>
    <message>
        <source>Gap too short: this line needs %1 frames (%2 s) but the next line starts after %3 s; the last %4 tokens will be cut or pushed back.</source>
        <translation>Lücke zu kurz: diese Zeile braucht %1 Frames (%2 s), aber die nächste Zeile beginnt nach %3 s; die letzten %4 Token werden abgeschnitten oder nach hinten geschoben.</translation>
    </message>
    <message>
        <source>Gap long: %1 s until the next line for about %2 s of singing (%3 tokens); the model may repeat words or hum. Add a line or a timed break.</source>
        <translation>Lange Lücke: %1 s bis zur nächsten Zeile für etwa %2 s Gesang (%3 Token); das Modell wiederholt dann womöglich Wörter oder summt. Fügen Sie eine Zeile oder eine zeitlich gesetzte Pause ein.</translation>
    </message>
</context>
<context>
    <name>drs::ui::LyricsEditor</name>
    <message>
        <source>[00:10.00]First line of the song
[00:14.50]Second line ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>drs::ui::MainWindow</name>
    <message>
        <source>Best</source>
        <translation>Beste</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Ausgewogen</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>Schnell</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DiffRhythm Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No model loaded.&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics (LRC)</source>
        <translation>Liedtext (LRC)</translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left: best quality. Right: fastest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Song</source>
        <translation>Lied</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>Stil:</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Länge:</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Enter); Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Playback failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Takes</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open lyrics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save lyrics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export take…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Lyrics</source>
        <translation>&amp;Liedtext</translation>
    </message>
    <message>
        <source>Insert &amp;timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stamp line at playback position (tap to time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread untimed lines &amp;evenly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Song</source>
        <translation>&amp;Lied</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About DiffRhythm Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2 s with the full model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed at 95 s: the base model has one length. Install the full model (Models…) for 96–285 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1 (%2) · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo model — produces noise, install DiffRhythm weights for music&lt;/b&gt; (Models…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 steps, CFG %3 — about %4 on this machine (%5)</source>
        <translation>%1 — %2 Schritte, CFG %3 — etwa %4 auf diesem Rechner (%5)</translation>
    </message>
    <message>
        <source>from earlier runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rough default, not yet measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Fix the lyrics first.&lt;/b&gt; Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>about %1 left (from earlier runs; calibrating on the first step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time left: calibrating on the first step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation>Fertig in %1</translation>
    </message>
    <message>
        <source>Seed used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Generated with warnings:&lt;/b&gt;&lt;br&gt;%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled — nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the preview file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take %1 — %2 — seed %3 — %4 — %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No take selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLAC audio (*.flac)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap to time: play a take, then press F8 at the start of each line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LRC lyrics (*.lrc *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save lyrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LRC lyrics (*.lrc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About DiffRhythm Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;DiffRhythm Studio %1&lt;/h3&gt;&lt;p&gt;Lyrics and a style prompt in, a song out — with a native C++ implementation of DiffRhythm inference.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL v3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model manager is not part of this build. Put a model set folder (with manifest.json) somewhere and start the app with DRS_MODEL_DIR pointing at it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>Modelle werden geladen…</translation>
    </message>
    <message>
        <source>Reading lyrics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding the style prompt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling — step %1 of %2</source>
        <translation>Sampling — Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Sampling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding audio — chunk %1 of %2</source>
        <translation>Audio wird dekodiert — Abschnitt %1 von %2</translation>
    </message>
    <message>
        <source>Decoding audio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading models — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a take to reuse its seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from this CPU&apos;s measured speed</source>
        <translation>aus der gemessenen Geschwindigkeit dieser CPU</translation>
    </message>
    <message>
        <source>bfloat16 matrix maths runs %1× as fast as float32 on this CPU: songs take about half the time. The result differs slightly from the official float32 computation (final latent within about 3 %).</source>
        <translation>bfloat16-Matrixrechnung ist auf dieser CPU %1× so schnell wie float32: Songs brauchen etwa die Hälfte der Zeit. Das Ergebnis weicht leicht von der offiziellen float32-Rechnung ab (finales Latent innerhalb von etwa 3 %).</translation>
    </message>
    <message>
        <source>Faster bfloat16 maths (this CPU supports it)</source>
        <translation>Schnellere bfloat16-Rechnung (diese CPU unterstützt sie)</translation>
    </message>
    <message>
        <source>int8 matrix maths runs %1× as fast as float32 on this CPU (the transformer&apos;s matrices are quantised to 8 bits; attention stays float32). The result differs slightly from the official float32 computation (final latent within about 1.5 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster int8 maths (this CPU supports it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>drs::ui::PlayerPanel</name>
    <message>
        <source>Play / pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>drs::ui::PromptEdit</name>
    <message>
        <source>e.g. Pop, Emotional, Piano, female vocals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>drs::ui::WaveformView</name>
    <message>
        <source>Click to seek</source>
        <translation>Klicken zum Springen</translation>
    </message>
    <message>
        <source>No take yet</source>
        <translation>Noch keine Aufnahme</translation>
    </message>
</context>
</TS>
