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
    <name>QObject</name>
    <message>
        <source>Licences of %1</source>
        <translation>Lizenzen von %1</translation>
    </message>
</context>
<context>
    <name>drs::ui::AboutDialog</name>
    <message>
        <source>About DiffRhythm Studio</source>
        <translation>Über DiffRhythm Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;DiffRhythm Studio %1&lt;/h3&gt;&lt;p&gt;Lyrics and a style prompt in, a song out — with a native C++ implementation of DiffRhythm inference.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL v3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DiffRhythm Studio %1&lt;/h3&gt;&lt;p&gt;Liedtext und Stil-Prompt hinein, ein Lied heraus — mit einer nativen C++-Implementierung der DiffRhythm-Inferenz.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL v3 oder neuer.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>drs::ui::CitizenSettings</name>
    <message>
        <source>Keep the computer &amp;awake during long runs</source>
        <translation>Computer bei langen Läufen &amp;wach halten</translation>
    </message>
    <message>
        <source>While a run expected to take more than 5 minutes is going, ask the desktop not to suspend the computer</source>
        <translation>Solange ein Lauf läuft, der voraussichtlich länger als 5 Minuten dauert, die Arbeitsumgebung bitten, den Computer nicht in den Ruhezustand zu versetzen</translation>
    </message>
    <message>
        <source>Keep the computer &amp;responsive</source>
        <translation>Computer &amp;reaktionsschnell halten</translation>
    </message>
    <message>
        <source>Run the engine at a lower priority, so that this window and other programs stay quick while a song is generated. While other programs keep the processor busy, songs take somewhat longer; when nothing else competes for it, they do not. Applies from the next run.</source>
        <translation>Die Engine mit niedrigerer Priorität laufen lassen, damit dieses Fenster und andere Programme flüssig bleiben, während ein Song erzeugt wird. Solange andere Programme den Prozessor auslasten, dauern Songs etwas länger; wenn nichts anderes um ihn konkurriert, nicht. Gilt ab dem nächsten Lauf.</translation>
    </message>
</context>
<context>
    <name>drs::ui::DownloadDialog</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>File %1 of %2: %3</source>
        <translation>Datei %1 von %2: %3</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source> — %1/s</source>
        <translation> — %1/s</translation>
    </message>
    <message>
        <source>, %1:%2 left</source>
        <translation>, noch %1:%2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>drs::ui::EditPanel</name>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Regenerate selection</source>
        <translation>Auswahl neu erzeugen</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>A/B: play parent</source>
        <translation>A/B: Ausgangsaufnahme abspielen</translation>
    </message>
    <message>
        <source>Play the take this one was made from, at the same position</source>
        <translation>Die Aufnahme, aus der diese entstand, an derselben Stelle abspielen</translation>
    </message>
    <message>
        <source>Continue to</source>
        <translation>Fortsetzen bis</translation>
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <translation>%1 (%2 s)</translation>
    </message>
    <message>
        <source>Drag over the waveform to select the parts to regenerate.</source>
        <translation>Ziehen Sie über die Wellenform, um die neu zu erzeugenden Teile auszuwählen.</translation>
    </message>
    <message numerus="yes">
        <source>Regenerate %n part(s): %1</source>
        <translation>
            <numerusform>%n Teil neu erzeugen: %1</numerusform>
            <numerusform>%n Teile neu erzeugen: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>drs::ui::ErrorAdvice</name>
    <message>
        <source>The request cannot be generated</source>
        <translation>Die Anfrage kann nicht erzeugt werden</translation>
    </message>
    <message>
        <source>Model files are missing</source>
        <translation>Modelldateien fehlen</translation>
    </message>
    <message>
        <source>Model files are damaged</source>
        <translation>Modelldateien sind beschädigt</translation>
    </message>
    <message>
        <source>The result could not be written</source>
        <translation>Das Ergebnis konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Not enough memory</source>
        <translation>Nicht genug Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Interner Fehler</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Choose another folder or free some disk space.</source>
        <translation>Wählen Sie einen anderen Ordner oder geben Sie Speicherplatz frei.</translation>
    </message>
    <message>
        <source>Close other programs, choose a shorter song or a faster preset, then retry.</source>
        <translation>Schließen Sie andere Programme, wählen Sie ein kürzeres Lied oder eine schnellere Voreinstellung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>Check the lyrics (problems are marked in the editor), the style prompt and the song length, then try again.</source>
        <translation>Prüfen Sie den Liedtext (Probleme sind im Editor markiert), den Stil-Prompt und die Liedlänge und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Install the DiffRhythm model files with Models… or point DRS_MODEL_DIR at a model folder.</source>
        <translation>Installieren Sie die DiffRhythm-Modelldateien über „Modelle…“ oder lassen Sie DRS_MODEL_DIR auf einen Modellordner zeigen.</translation>
    </message>
    <message>
        <source>Download the model again with Models…; a file is incomplete or of the wrong version.</source>
        <translation>Laden Sie das Modell über „Modelle…“ erneut herunter; eine Datei ist unvollständig oder hat die falsche Version.</translation>
    </message>
    <message>
        <source>This is a bug. Your lyrics and settings are kept; please report the message above.</source>
        <translation>Das ist ein Programmfehler. Ihr Liedtext und Ihre Einstellungen bleiben erhalten; bitte melden Sie die obige Meldung.</translation>
    </message>
</context>
<context>
    <name>drs::ui::ExampleSongs</name>
    <message>
        <source>Paper Boats (folk pop)</source>
        <translation>Papierschiffchen (Folk-Pop)</translation>
    </message>
    <message>
        <source>Neon Runner (synthwave)</source>
        <translation>Neon Runner (Synthwave)</translation>
    </message>
    <message>
        <source>Kitchen Table Blues (blues)</source>
        <translation>Küchentisch-Blues (Blues)</translation>
    </message>
    <message>
        <source>Rooftop Summer (Mandopop)</source>
        <translation>Sommer auf dem Dach (Mandopop)</translation>
    </message>
</context>
<context>
    <name>drs::ui::FirstRunDialog</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
</context>
<context>
    <name>drs::ui::FirstRunOffer</name>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>Nicht mehr fragen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No DiffRhythm model is installed yet&lt;/h3&gt;&lt;p&gt;The app is running on the &lt;b&gt;demo model&lt;/b&gt;: everything works, but it produces noise, not music. To make songs, download a real model set or import files you already have.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch ist kein DiffRhythm-Modell installiert&lt;/h3&gt;&lt;p&gt;Die App läuft mit dem &lt;b&gt;Demo-Modell&lt;/b&gt;: Alles funktioniert, aber es erzeugt Rauschen statt Musik. Um Lieder zu erzeugen, laden Sie einen echten Modellsatz herunter oder importieren Sie Dateien, die Sie bereits haben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 Download size about %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 Downloadgröße etwa %3.</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <source>I already have the files…</source>
        <translation>Ich habe die Dateien schon…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
</context>
<context>
    <name>drs::ui::GenerationController</name>
    <message>
        <source>&lt;b&gt;No model loaded.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Kein Modell geladen.&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>drs::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <source>Applies from the next start</source>
        <translation>Gilt ab dem nächsten Start</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>DiffRhythm Studio will appear in %1 from the next start.</source>
        <translation>DiffRhythm Studio erscheint ab dem nächsten Start auf %1.</translation>
    </message>
</context>
<context>
    <name>drs::ui::LibraryBar</name>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Give the selected take a name</source>
        <translation>Der ausgewählten Aufnahme einen Namen geben</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>A pinned take is never removed to keep the library within its size</source>
        <translation>Eine angeheftete Aufnahme wird nie entfernt, um die Bibliothek innerhalb ihrer Größe zu halten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Remove the selected take (can be undone until the app is closed)</source>
        <translation>Die ausgewählte Aufnahme entfernen (rückgängig zu machen, bis die App geschlossen wird)</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig</translation>
    </message>
    <message>
        <source>Bring back the last deleted take</source>
        <translation>Die zuletzt gelöschte Aufnahme zurückholen</translation>
    </message>
    <message>
        <source>Reuse settings</source>
        <translation>Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>Put the take&apos;s lyrics, style, preset, length and seed back into the song settings</source>
        <translation>Liedtext, Stil, Voreinstellung, Länge und Seed der Aufnahme wieder in die Liedeinstellungen übernehmen</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Generate the take again from its replay manifest and check that the audio is identical</source>
        <translation>Die Aufnahme aus ihrem Wiedergabe-Manifest erneut erzeugen und prüfen, ob das Audio identisch ist</translation>
    </message>
    <message>
        <source>Size limit…</source>
        <translation>Größenlimit…</translation>
    </message>
    <message>
        <source>The oldest unpinned takes are removed beyond this size</source>
        <translation>Über dieser Größe werden die ältesten nicht angehefteten Aufnahmen entfernt</translation>
    </message>
    <message>
        <source>Library: %1 of %2</source>
        <translation>Bibliothek: %1 von %2</translation>
    </message>
</context>
<context>
    <name>drs::ui::Licences</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is made of parts published under different licences:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; besteht aus Teilen, die unter verschiedenen Lizenzen veröffentlicht sind:</translation>
    </message>
    <message>
        <source>Songs generated with this set may not be used commercially, because the MuQ-MuLan style encoder is licensed CC-BY-NC 4.0.</source>
        <translation>Mit diesem Satz erzeugte Lieder dürfen nicht kommerziell genutzt werden, weil der Stil-Encoder MuQ-MuLan unter CC-BY-NC 4.0 lizenziert ist.</translation>
    </message>
    <message>
        <source>Summary of the model cards, not legal advice. By downloading you accept these licences.</source>
        <translation>Zusammenfassung der Model Cards, keine Rechtsberatung. Mit dem Download akzeptieren Sie diese Lizenzen.</translation>
    </message>
</context>
<context>
    <name>drs::ui::ListenInPanel</name>
    <message>
        <source>Listen in</source>
        <translation>Mithören</translation>
    </message>
    <message>
        <source>Hear the model&apos;s current guess of about 10 seconds of the song around the lyric line under the cursor. It is a preview, not the finished song: it sharpens as sampling goes on. Decoding it delays the run by as long as the decode takes.</source>
        <translation>Die aktuelle Vermutung des Modells für etwa 10 Sekunden des Lieds um die Liedtextzeile unter dem Cursor anhören. Das ist eine Vorschau, nicht das fertige Lied: Sie wird mit jedem Schritt deutlicher. Das Dekodieren verzögert den Lauf um die Dauer des Dekodierens.</translation>
    </message>
    <message>
        <source>Preview after step %1 of %2, %3–%4 (not the finished song; it cost the run %5 s)</source>
        <translation>Vorschau nach Schritt %1 von %2, %3–%4 (nicht das fertige Lied; sie hat den Lauf %5 s gekostet)</translation>
    </message>
    <message>
        <source>Stop preview</source>
        <translation>Vorschau beenden</translation>
    </message>
    <message>
        <source>The preview is decoded when the current step finishes…</source>
        <translation>Die Vorschau wird dekodiert, sobald der laufende Schritt fertig ist…</translation>
    </message>
    <message>
        <source>A preview costs the run about %1 s.</source>
        <translation>Eine Vorschau kostet den Lauf etwa %1 s.</translation>
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
        <translation>[00:10.00]Erste Zeile des Lieds
[00:14.50]Zweite Zeile …</translation>
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
    <name>drs::ui::LyricsPanel</name>
    <message>
        <source>Lyrics (LRC)</source>
        <translation>Liedtext (LRC)</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation>Liedtext</translation>
    </message>
    <message>
        <source>Open lyrics</source>
        <translation>Liedtext öffnen</translation>
    </message>
    <message>
        <source>LRC lyrics (*.lrc *.txt);;All files (*)</source>
        <translation>LRC-Liedtexte (*.lrc *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Save lyrics</source>
        <translation>Liedtext speichern</translation>
    </message>
    <message>
        <source>LRC lyrics (*.lrc)</source>
        <translation>LRC-Liedtext (*.lrc)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Tap to time: play a take, then press F8 at the start of each line.</source>
        <translation>Mitklopfen: Spielen Sie eine Aufnahme ab und drücken Sie F8 am Anfang jeder Zeile.</translation>
    </message>
</context>
<context>
    <name>drs::ui::MainWindow</name>
    <message>
        <source>DiffRhythm Studio</source>
        <translation>DiffRhythm Studio</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Enter); Cancel (Esc)</source>
        <translation>Erzeugen (Strg+Eingabe); Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Playback failed: %1</source>
        <translation>Wiedergabe fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>full</source>
        <translation>voll</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Model: %1 (%2) · %3 · %4</source>
        <translation>Modell: %1 (%2) · %3 · %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo model — produces noise, install DiffRhythm weights for music&lt;/b&gt; (Models…).</source>
        <translation>&lt;b&gt;Demo-Modell — erzeugt Rauschen, installieren Sie DiffRhythm-Gewichte für Musik&lt;/b&gt; (Modelle…).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fix the lyrics first.&lt;/b&gt; Line %1: %2</source>
        <translation>&lt;b&gt;Korrigieren Sie zuerst den Liedtext.&lt;/b&gt; Zeile %1: %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generated with warnings:&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Mit Warnungen erzeugt:&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>Resuming at step %1 of %2…</source>
        <translation>Fortsetzung bei Schritt %1 von %2…</translation>
    </message>
    <message>
        <source>Continuing this take needs the full model (songs of 96–285 s): install and choose it under Models.</source>
        <translation>Diese Aufnahme fortzusetzen braucht das volle Modell (Lieder von 96–285 s): Installieren und wählen Sie es unter Modelle.</translation>
    </message>
    <message>
        <source>The new song starts with this take; the lyrics of the whole song come from the editor.</source>
        <translation>Das neue Lied beginnt mit dieser Aufnahme; der Liedtext des ganzen Lieds kommt aus dem Editor.</translation>
    </message>
    <message>
        <source>Playing the parent take %1</source>
        <translation>Ausgangsaufnahme %1 wird abgespielt</translation>
    </message>
    <message>
        <source>Playing take %1</source>
        <translation>Aufnahme %1 wird abgespielt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Choose a reference song&lt;/b&gt; of at least 10 s, or take the style from the text prompt again.</source>
        <translation>&lt;b&gt;Wählen Sie ein Referenzlied&lt;/b&gt; von mindestens 10 s, oder nehmen Sie den Stil wieder aus dem Text-Prompt.</translation>
    </message>
    <message>
        <source>style of %1</source>
        <translation>Stil von %1</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Zur Warteschlange</translation>
    </message>
    <message>
        <source>Run these lyrics and settings after the current run (now, if none runs); later edits do not change the queued run</source>
        <translation>Diesen Liedtext und diese Einstellungen nach dem laufenden Lauf erzeugen (sofort, wenn keiner läuft); spätere Änderungen ändern den eingereihten Lauf nicht</translation>
    </message>
    <message>
        <source>The settings can be reused once the run has finished.</source>
        <translation>Die Einstellungen können übernommen werden, sobald der Lauf beendet ist.</translation>
    </message>
    <message numerus="yes">
        <source>its sampling (%n step(s)) is no preset: the preset is unchanged</source>
        <translation>
            <numerusform>ihr Sampling (%n Schritt) ist keine Voreinstellung: die Voreinstellung bleibt unverändert</numerusform>
            <numerusform>ihr Sampling (%n Schritte) ist keine Voreinstellung: die Voreinstellung bleibt unverändert</numerusform>
        </translation>
    </message>
    <message>
        <source>its style came from %1: choose that song again</source>
        <translation>ihr Stil kam von %1: wählen Sie dieses Lied erneut</translation>
    </message>
    <message>
        <source>The take&apos;s settings are back (seed %1).</source>
        <translation>Die Einstellungen der Aufnahme sind übernommen (Seed %1).</translation>
    </message>
    <message>
        <source>The take&apos;s settings are back (seed %1); %2.</source>
        <translation>Die Einstellungen der Aufnahme sind übernommen (Seed %1); %2.</translation>
    </message>
</context>
<context>
    <name>drs::ui::MenuBuilder</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open lyrics…</source>
        <translation>Liedtext &amp;öffnen…</translation>
    </message>
    <message>
        <source>&amp;Save lyrics…</source>
        <translation>Liedtext &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Export take…</source>
        <translation>Aufnahme &amp;exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
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
        <translation>&amp;Zeitmarke einfügen</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Stamp line at playback position (tap to time)</source>
        <translation>Zeile an der Wiedergabeposition &amp;markieren (Mitklopfen)</translation>
    </message>
    <message>
        <source>Spread untimed lines &amp;evenly</source>
        <translation>Zeilen ohne Zeitmarke &amp;gleichmäßig verteilen</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>&amp;Beispiele</translation>
    </message>
    <message>
        <source>&amp;Song</source>
        <translation>L&amp;ied</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>&amp;Wiedergabe / Pause</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelle…</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Play while decoding</source>
        <translation>Während des Dekodierens &amp;abspielen</translation>
    </message>
    <message>
        <source>Start playing a new take as soon as its first seconds are decoded</source>
        <translation>Eine neue Aufnahme abspielen, sobald ihre ersten Sekunden dekodiert sind</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About DiffRhythm Studio</source>
        <translation>&amp;Über DiffRhythm Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>drs::ui::ModelCatalog</name>
    <message>
        <source>Permissive: songs you make may be used commercially.</source>
        <translation>Freizügig: Ihre Lieder dürfen kommerziell genutzt werden.</translation>
    </message>
    <message>
        <source>Inherited from Stable Audio Open. Free for research, non-commercial use and for organisations under USD 1M annual revenue; larger commercial use needs a Stability AI licence.</source>
        <translation>Von Stable Audio Open übernommen. Frei für Forschung, nicht-kommerzielle Nutzung und für Organisationen unter 1 Mio. USD Jahresumsatz; größere kommerzielle Nutzung braucht eine Lizenz von Stability AI.</translation>
    </message>
    <message>
        <source>Non-commercial. The style encoder shapes every song, so songs made with it may not be used commercially (no sale, no monetised streaming, no advertising).</source>
        <translation>Nicht-kommerziell. Der Stil-Encoder prägt jedes Lied, daher dürfen damit erzeugte Lieder nicht kommerziell genutzt werden (kein Verkauf, kein monetarisiertes Streaming, keine Werbung).</translation>
    </message>
    <message>
        <source>Permissive.</source>
        <translation>Freizügig.</translation>
    </message>
    <message>
        <source>DiffRhythm 1.2 DiT, full (96-285 s songs)</source>
        <translation>DiffRhythm 1.2 DiT, voll (Lieder von 96–285 s)</translation>
    </message>
    <message>
        <source>DiffRhythm 1.2 DiT, base (95 s songs)</source>
        <translation>DiffRhythm 1.2 DiT, Basis (Lieder von 95 s)</translation>
    </message>
    <message>
        <source>DiffRhythm VAE (audio decoder)</source>
        <translation>DiffRhythm VAE (Audio-Decoder)</translation>
    </message>
    <message>
        <source>MuQ-MuLan style encoder</source>
        <translation>MuQ-MuLan-Stil-Encoder</translation>
    </message>
    <message>
        <source>XLM-RoBERTa tokenizer</source>
        <translation>XLM-RoBERTa-Tokenizer</translation>
    </message>
    <message>
        <source>DiffRhythm 1.2 base</source>
        <translation>DiffRhythm 1.2 Basis</translation>
    </message>
    <message>
        <source>Songs of 95 seconds. The smaller and faster choice.</source>
        <translation>Lieder von 95 Sekunden. Die kleinere und schnellere Wahl.</translation>
    </message>
    <message>
        <source>DiffRhythm 1.2 full</source>
        <translation>DiffRhythm 1.2 voll</translation>
    </message>
    <message>
        <source>Songs from 96 to 285 seconds.</source>
        <translation>Lieder von 96 bis 285 Sekunden.</translation>
    </message>
    <message>
        <source>Chinese lyrics (pronunciation lexicon and polyphone model)</source>
        <translation>Chinesische Liedtexte (Aussprachelexikon und Polyphon-Modell)</translation>
    </message>
    <message>
        <source>Needed to sing Chinese lyrics, with any model set.</source>
        <translation>Nötig, um chinesische Liedtexte zu singen, mit jedem Modellsatz.</translation>
    </message>
    <message>
        <source>Permissive. The G2P data comes from Amphion (MIT); both notices apply.</source>
        <translation>Freizügig. Die G2P-Daten stammen aus Amphion (MIT); beide Hinweise gelten.</translation>
    </message>
</context>
<context>
    <name>drs::ui::ModelManagerDialog</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <source>Installed model sets:</source>
        <translation>Installierte Modellsätze:</translation>
    </message>
    <message>
        <source>Remove selected set…</source>
        <translation>Ausgewählten Satz entfernen…</translation>
    </message>
    <message>
        <source>Get a model set</source>
        <translation>Einen Modellsatz holen</translation>
    </message>
    <message>
        <source>%1 (about %2)</source>
        <translation>%1 (etwa %2)</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <source>Import from folder…</source>
        <translation>Aus Ordner importieren…</translation>
    </message>
    <message>
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <source>(from HF_TOKEN)</source>
        <translation>(aus HF_TOKEN)</translation>
    </message>
    <message>
        <source>only for gated repositories</source>
        <translation>nur für zugangsbeschränkte Repositorys</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <source>Model folder: %1</source>
        <translation>Modellordner: %1</translation>
    </message>
    <message>
        <source>%1 — %2, installed %3 (%4)%5</source>
        <translation>%1 — %2, installiert %3 (%4)%5</translation>
    </message>
    <message>
        <source> [demo]</source>
        <translation> [Demo]</translation>
    </message>
    <message>
        <source> — damaged: %1</source>
        <translation> — beschädigt: %1</translation>
    </message>
    <message>
        <source>(none — the app runs on the demo model)</source>
        <translation>(keiner — die App läuft mit dem Demo-Modell)</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>Accept and download</source>
        <translation>Akzeptieren und herunterladen</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>Download fehlgeschlagen</translation>
    </message>
    <message>
        <source>Folder with the files of %1 (a plain folder or a Hugging Face cache)</source>
        <translation>Ordner mit den Dateien von %1 (ein einfacher Ordner oder ein Hugging-Face-Cache)</translation>
    </message>
    <message>
        <source>Accept and import</source>
        <translation>Akzeptieren und importieren</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>Import abgelehnt</translation>
    </message>
    <message>
        <source>Nothing was copied. Problems found:
%1</source>
        <translation>Es wurde nichts kopiert. Gefundene Probleme:
%1</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>Remove model set</source>
        <translation>Modellsatz entfernen</translation>
    </message>
    <message>
        <source>Delete %1 and all its files?</source>
        <translation>%1 mit allen Dateien löschen?</translation>
    </message>
</context>
<context>
    <name>drs::ui::PartialTakeOffer</name>
    <message>
        <source>Keep the decoded part?</source>
        <translation>Den dekodierten Teil behalten?</translation>
    </message>
    <message>
        <source>%1 s of the song had been decoded when you cancelled. Keep them as a partial take? They play at the level they were heard at while decoding.</source>
        <translation>Beim Abbrechen waren %1 s des Lieds dekodiert. Als unvollständige Aufnahme behalten? Sie wird in der Lautstärke abgespielt, in der sie beim Dekodieren zu hören war.</translation>
    </message>
    <message>
        <source>Keep partial take</source>
        <translation>Unvollständige Aufnahme behalten</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>drs::ui::PlayerPanel</name>
    <message>
        <source>Play / pause (Space)</source>
        <translation>Wiedergabe / Pause (Leertaste)</translation>
    </message>
    <message>
        <source>%1 / %2 (decoded %3)</source>
        <translation>%1 / %2 (dekodiert %3)</translation>
    </message>
</context>
<context>
    <name>drs::ui::Presets</name>
    <message>
        <source>Official quality: 32-point grid, guidance 4.0</source>
        <translation>Offizielle Qualität: 32-Punkte-Raster, Guidance 4,0</translation>
    </message>
    <message>
        <source>24-point grid with sway, guidance 3.0</source>
        <translation>24-Punkte-Raster mit Sway, Guidance 3,0</translation>
    </message>
    <message>
        <source>16-point grid with sway, guidance 2.0 (common on CPUs)</source>
        <translation>16-Punkte-Raster mit Sway, Guidance 2,0 (auf CPUs üblich)</translation>
    </message>
    <message>
        <source>8-point grid with sway, guidance 2.0: quick sketches</source>
        <translation>8-Punkte-Raster mit Sway, Guidance 2,0: schnelle Skizzen</translation>
    </message>
</context>
<context>
    <name>drs::ui::PromptEdit</name>
    <message>
        <source>e.g. Pop, Emotional, Piano, female vocals</source>
        <translation>z. B. Pop, Emotional, Piano, female vocals</translation>
    </message>
</context>
<context>
    <name>drs::ui::QueueModel</name>
    <message>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <source>no estimate yet</source>
        <translation>noch keine Schätzung</translation>
    </message>
    <message>
        <source>%1. %2 — %3 — seed %4 — %5</source>
        <translation>%1. %2 — %3 — Seed %4 — %5</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(kein Prompt)</translation>
    </message>
</context>
<context>
    <name>drs::ui::QueuePanel</name>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Run next</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <source>Run the selected item when the current run ends (now, if none runs)</source>
        <translation>Den ausgewählten Eintrag erzeugen, wenn der laufende Lauf endet (sofort, wenn keiner läuft)</translation>
    </message>
    <message numerus="yes">
        <source>%n queued run(s), about %1 in all</source>
        <translation>
            <numerusform>%n Lauf in der Warteschlange, insgesamt etwa %1</numerusform>
            <numerusform>%n Läufe in der Warteschlange, insgesamt etwa %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued run(s)</source>
        <translation>
            <numerusform>%n Lauf in der Warteschlange</numerusform>
            <numerusform>%n Läufe in der Warteschlange</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>drs::ui::ResumeOffer</name>
    <message>
        <source>no style prompt</source>
        <translation>kein Stil-Prompt</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Continue the run from its last finished step</source>
        <translation>Den Lauf ab seinem letzten fertigen Schritt fortsetzen</translation>
    </message>
    <message>
        <source>Delete what the interrupted run had computed</source>
        <translation>Löschen, was der unterbrochene Lauf berechnet hatte</translation>
    </message>
    <message>
        <source>&lt;b&gt;An interrupted run can be continued&lt;/b&gt; (step %1 of %2, started %3, “%4”).</source>
        <translation>&lt;b&gt;Ein unterbrochener Lauf kann fortgesetzt werden&lt;/b&gt; (Schritt %1 von %2, gestartet %3, „%4“).</translation>
    </message>
    <message numerus="yes">
        <source>%n more after this one.</source>
        <translation>
            <numerusform>Dazu %n weiterer.</numerusform>
            <numerusform>Dazu %n weitere.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>drs::ui::RunCitizen</name>
    <message>
        <source>Generating a song</source>
        <translation>Ein Song wird erzeugt</translation>
    </message>
    <message>
        <source>Song finished</source>
        <translation>Song fertig</translation>
    </message>
    <message>
        <source>Generation failed</source>
        <translation>Erzeugung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>drs::ui::RunStatusView</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>about %1 left (from earlier runs; calibrating on the first step)</source>
        <translation>noch etwa %1 (aus früheren Läufen; wird im ersten Schritt kalibriert)</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>time left: calibrating on the first step…</source>
        <translation>Restzeit: wird im ersten Schritt kalibriert…</translation>
    </message>
    <message>
        <source>Elapsed %1 · %2</source>
        <translation>Vergangen %1 · %2</translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation>Fertig in %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled — nothing was changed</source>
        <translation>Abgebrochen — nichts wurde verändert</translation>
    </message>
    <message numerus="yes">
        <source> · then %n queued run(s)</source>
        <translation>
            <numerusform> · danach %n eingereihter Lauf</numerusform>
            <numerusform> · danach %n eingereihte Läufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · then %n queued run(s), about %1; all done in about %2</source>
        <translation>
            <numerusform> · danach %n eingereihter Lauf, etwa %1; alles fertig in etwa %2</numerusform>
            <numerusform> · danach %n eingereihte Läufe, etwa %1; alles fertig in etwa %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>drs::ui::RunText</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>Modelle werden geladen…</translation>
    </message>
    <message>
        <source>Loading models — %1</source>
        <translation>Modelle werden geladen — %1</translation>
    </message>
    <message>
        <source>Reading lyrics…</source>
        <translation>Liedtext wird gelesen…</translation>
    </message>
    <message>
        <source>Encoding the style prompt…</source>
        <translation>Stil-Prompt wird kodiert…</translation>
    </message>
    <message>
        <source>Encoding the song to edit — chunk %1 of %2</source>
        <translation>Das zu bearbeitende Lied wird kodiert — Abschnitt %1 von %2</translation>
    </message>
    <message>
        <source>Encoding the song to edit…</source>
        <translation>Das zu bearbeitende Lied wird kodiert…</translation>
    </message>
    <message>
        <source>Sampling — step %1 of %2</source>
        <translation>Sampling — Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Sampling…</source>
        <translation>Sampling…</translation>
    </message>
    <message>
        <source>Decoding audio — chunk %1 of %2</source>
        <translation>Audio wird dekodiert — Abschnitt %1 von %2</translation>
    </message>
    <message>
        <source>Decoding audio…</source>
        <translation>Audio wird dekodiert…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Wird abgeschlossen…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>drs::ui::SetDownload</name>
    <message>
        <source>&apos;%1&apos; is not a model set id.</source>
        <translation>„%1“ ist keine Kennung eines Modellsatzes.</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>Download abgebrochen.</translation>
    </message>
</context>
<context>
    <name>drs::ui::SongSettingsPanel</name>
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
        <source>Song</source>
        <translation>Lied</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Left: best quality. Right: fastest.</source>
        <translation>Links: beste Qualität. Rechts: am schnellsten.</translation>
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
        <source>Style:</source>
        <translation>Stil:</translation>
    </message>
    <message>
        <source>Style from:</source>
        <translation>Stil aus:</translation>
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
        <source>Faster bfloat16 maths (this CPU supports it)</source>
        <translation>Schnellere bfloat16-Rechnung (diese CPU unterstützt sie)</translation>
    </message>
    <message>
        <source>Faster int8 maths (this CPU supports it)</source>
        <translation>Schnellere int8-Rechnung (diese CPU unterstützt sie)</translation>
    </message>
    <message>
        <source>bfloat16 matrix maths runs %1× as fast as float32 on this CPU: songs take about half the time. The result differs slightly from the official float32 computation (final latent within about 3 %).</source>
        <translation>bfloat16-Matrixrechnung ist auf dieser CPU %1× so schnell wie float32: Songs brauchen etwa die Hälfte der Zeit. Das Ergebnis weicht leicht von der offiziellen float32-Rechnung ab (finales Latent innerhalb von etwa 3 %).</translation>
    </message>
    <message>
        <source>int8 matrix maths runs %1× as fast as float32 on this CPU (the transformer&apos;s matrices are quantised to 8 bits; where the CPU has native bfloat16, attention and the decoder run in it). The result differs slightly from the official float32 computation (final latent within about 1.5 %).</source>
        <translation>int8-Matrixrechnung ist auf dieser CPU %1× so schnell wie float32 (die Matrizen des Transformers werden auf 8 Bit quantisiert; wo die CPU bfloat16 nativ beherrscht, laufen Attention und Decoder darin). Das Ergebnis weicht leicht von der offiziellen float32-Rechnung ab (finales Latent innerhalb von etwa 1,5 %).</translation>
    </message>
    <message>
        <source>%1–%2 s with the full model.</source>
        <translation>%1–%2 s mit dem vollen Modell.</translation>
    </message>
    <message>
        <source>Fixed at 95 s: the base model has one length. Install the full model (Models…) for 96–285 s.</source>
        <translation>Fest 95 s: Das Basismodell hat nur eine Länge. Installieren Sie das volle Modell (Modelle…) für 96–285 s.</translation>
    </message>
    <message>
        <source>%1 — %2 steps, CFG %3 — about %4 on this machine (%5)</source>
        <translation>%1 — %2 Schritte, CFG %3 — etwa %4 auf diesem Rechner (%5)</translation>
    </message>
    <message>
        <source>from earlier runs</source>
        <translation>aus früheren Läufen</translation>
    </message>
    <message>
        <source>from this CPU&apos;s measured speed</source>
        <translation>aus der gemessenen Geschwindigkeit dieser CPU</translation>
    </message>
    <message>
        <source>rough default, not yet measured</source>
        <translation>grober Standardwert, noch nicht gemessen</translation>
    </message>
    <message>
        <source>Seed used: %1</source>
        <translation>Verwendeter Seed: %1</translation>
    </message>
</context>
<context>
    <name>drs::ui::SpanSelector</name>
    <message>
        <source>Drag to select a part to regenerate; right-click a selection to remove it</source>
        <translation>Ziehen, um einen neu zu erzeugenden Teil auszuwählen; Rechtsklick auf eine Auswahl entfernt sie</translation>
    </message>
</context>
<context>
    <name>drs::ui::StreamingPlayback</name>
    <message>
        <source>No audio output device to play on while decoding.</source>
        <translation>Kein Audioausgabegerät für die Wiedergabe während des Dekodierens.</translation>
    </message>
    <message>
        <source>The audio device %1 could not be opened.</source>
        <translation>Das Audiogerät %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Decoded audio arrived out of order; playback while decoding stopped.</source>
        <translation>Dekodiertes Audio kam in falscher Reihenfolge an; die Wiedergabe während des Dekodierens wurde gestoppt.</translation>
    </message>
</context>
<context>
    <name>drs::ui::StyleSourcePanel</name>
    <message>
        <source>&amp;Text prompt</source>
        <translation>&amp;Text-Prompt</translation>
    </message>
    <message>
        <source>&amp;Reference song</source>
        <translation>&amp;Referenzlied</translation>
    </message>
    <message>
        <source>Choose song…</source>
        <translation>Lied wählen…</translation>
    </message>
    <message>
        <source>No song chosen</source>
        <translation>Kein Lied gewählt</translation>
    </message>
    <message>
        <source>Play clip</source>
        <translation>Ausschnitt abspielen</translation>
    </message>
    <message>
        <source>Take the style from 10 s of a song you like (MuQ-MuLan&apos;s audio tower), as the official --ref-audio-path does</source>
        <translation>Den Stil aus 10 s eines Lieds übernehmen, das Ihnen gefällt (Audio-Turm von MuQ-MuLan), wie es das offizielle --ref-audio-path tut</translation>
    </message>
    <message>
        <source>Click to move the 10 s clip the style is taken from</source>
        <translation>Klicken, um den 10-s-Ausschnitt zu verschieben, aus dem der Stil stammt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Where the 10 s clip starts in the song</source>
        <translation>Wo der 10-s-Ausschnitt im Lied beginnt</translation>
    </message>
    <message>
        <source>Clip starts at</source>
        <translation>Ausschnitt beginnt bei</translation>
    </message>
    <message>
        <source>%1 is %2 s long; a reference song needs at least 10 s</source>
        <translation>%1 ist %2 s lang; ein Referenzlied braucht mindestens 10 s</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose a reference song</source>
        <translation>Referenzlied wählen</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.flac *.ogg *.opus *.mp3);;All files (*)</source>
        <translation>Audiodateien (*.wav *.flac *.ogg *.opus *.mp3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot use this song: %1</source>
        <translation>Dieses Lied ist nicht verwendbar: %1</translation>
    </message>
</context>
<context>
    <name>drs::ui::TakeReplay</name>
    <message>
        <source>The engine is busy or cannot replay takes.</source>
        <translation>Die Engine ist beschäftigt oder kann keine Aufnahmen neu erzeugen.</translation>
    </message>
    <message>
        <source>The engine refused the run.</source>
        <translation>Die Engine hat den Lauf abgelehnt.</translation>
    </message>
    <message>
        <source>Replay of %1 failed: %2</source>
        <translation>Neuerzeugung von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Replay of %1: identical to the stored take (SHA-256 %2…)</source>
        <translation>Neuerzeugung von %1: identisch mit der gespeicherten Aufnahme (SHA-256 %2…)</translation>
    </message>
    <message>
        <source>Replay of %1: the audio differs from the stored take (SHA-256 %2…, the take&apos;s %3…)</source>
        <translation>Neuerzeugung von %1: das Audio weicht von der gespeicherten Aufnahme ab (SHA-256 %2…, die der Aufnahme %3…)</translation>
    </message>
</context>
<context>
    <name>drs::ui::TakesModel</name>
    <message>
        <source>Take %1 — %2 — seed %3 — %4 — %5</source>
        <translation>Aufnahme %1 — %2 — Seed %3 — %4 — %5</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(kein Prompt)</translation>
    </message>
    <message>
        <source>%1 — from take %2</source>
        <translation>%1 — aus Aufnahme %2</translation>
    </message>
    <message>
        <source>%1 (pinned)</source>
        <translation>%1 (angeheftet)</translation>
    </message>
</context>
<context>
    <name>drs::ui::TakesPanel</name>
    <message>
        <source>Takes</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Double-click a take to reuse its seed</source>
        <translation>Doppelklick auf eine Aufnahme übernimmt ihren Seed</translation>
    </message>
    <message>
        <source>Could not write the preview file %1</source>
        <translation>Die Vorschaudatei %1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>No take selected.</source>
        <translation>Keine Aufnahme ausgewählt.</translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation>WAV-Audio (*.wav)</translation>
    </message>
    <message>
        <source>Export take</source>
        <translation>Aufnahme exportieren</translation>
    </message>
    <message>
        <source>FLAC audio (*.flac)</source>
        <translation>FLAC-Audio (*.flac)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Playback while decoding stopped: %1</source>
        <translation>Wiedergabe während des Dekodierens gestoppt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>style of %1</source>
        <translation>Stil von %1</translation>
    </message>
    <message>
        <source>The take was not kept in the library: %1</source>
        <translation>Die Aufnahme wurde nicht in der Bibliothek behalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>The takes library is over its limit of %1: removed the %n oldest unpinned take(s).</source>
        <translation>
            <numerusform>Die Aufnahmenbibliothek ist über ihrem Limit von %1: %n älteste nicht angeheftete Aufnahme wurde entfernt.</numerusform>
            <numerusform>Die Aufnahmenbibliothek ist über ihrem Limit von %1: die %n ältesten nicht angehefteten Aufnahmen wurden entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Takes library size</source>
        <translation>Größe der Aufnahmenbibliothek</translation>
    </message>
    <message>
        <source>Keep at most this many MiB of takes:</source>
        <translation>Höchstens so viele MiB an Aufnahmen behalten:</translation>
    </message>
    <message>
        <source>Could not rename the take in %1</source>
        <translation>Die Aufnahme in %1 konnte nicht umbenannt werden</translation>
    </message>
    <message>
        <source>Rename take</source>
        <translation>Aufnahme umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Could not move the take to %1</source>
        <translation>Die Aufnahme konnte nicht nach %1 verschoben werden</translation>
    </message>
    <message>
        <source>Take deleted (Undo delete brings it back until the app is closed)</source>
        <translation>Aufnahme gelöscht („Löschen rückgängig“ holt sie zurück, bis die App geschlossen wird)</translation>
    </message>
    <message>
        <source>Could not restore the take into %1</source>
        <translation>Die Aufnahme konnte nicht nach %1 zurückgeholt werden</translation>
    </message>
    <message>
        <source>take %1</source>
        <translation>Aufnahme %1</translation>
    </message>
    <message>
        <source>Replaying take %1…</source>
        <translation>Aufnahme %1 wird neu erzeugt…</translation>
    </message>
    <message>
        <source>Cannot replay take %1: %2</source>
        <translation>Aufnahme %1 kann nicht neu erzeugt werden: %2</translation>
    </message>
    <message>
        <source>Could not read the take: %1</source>
        <translation>Die Aufnahme konnte nicht gelesen werden: %1</translation>
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
