<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CpuSpeedNotice</name>
    <message>
        <source>LibTorch is using the reference BLAS (%1). Install an optimised one, e.g. &lt;code&gt;sudo apt install libopenblas0-pthread&lt;/code&gt;, and restart.</source>
        <translation>LibTorch 正在使用参考 BLAS（%1）。请安装经过优化的 BLAS，例如 &lt;code&gt;sudo apt install libopenblas0-pthread&lt;/code&gt;，然后重新启动。</translation>
    </message>
    <message>
        <source>&lt;code&gt;OPENBLAS_CORETYPE=%1&lt;/code&gt; selects OpenBLAS&apos;s generic kernels, but this CPU supports %2: unset the variable (or set it to %2) and restart.</source>
        <translation>&lt;code&gt;OPENBLAS_CORETYPE=%1&lt;/code&gt; 让 OpenBLAS 使用通用内核，但这台 CPU 支持 %2：请删除该环境变量（或将其设为 %2），然后重新启动。</translation>
    </message>
    <message>
        <source>OpenBLAS does not know this CPU and runs its generic %1 kernels; its %2 kernels were tried and rejected (%3). A newer OpenBLAS may know this CPU.</source>
        <translation>OpenBLAS 无法识别这台 CPU，正在使用通用的 %1 内核；已尝试 %2 内核但未采用（%3）。更新版本的 OpenBLAS 可能可以识别这台 CPU。</translation>
    </message>
    <message>
        <source>OpenBLAS runs its generic %1 kernels on this CPU, which supports %2: start the app with &lt;code&gt;OPENBLAS_CORETYPE=%2&lt;/code&gt;.</source>
        <translation>OpenBLAS 在这台 CPU 上使用通用的 %1 内核，而 CPU 支持 %2：请用 &lt;code&gt;OPENBLAS_CORETYPE=%2&lt;/code&gt; 启动本应用。</translation>
    </message>
    <message>
        <source>Check that an optimised BLAS (OpenBLAS or MKL) is installed and that no other program is using the CPU.</source>
        <translation>请确认已安装经过优化的 BLAS（OpenBLAS 或 MKL），并且没有其他程序占用 CPU。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Slow CPU maths:&lt;/b&gt; matrix multiplication runs at only %1 GFLOP/s on %2 threads, where this CPU&apos;s vector units should give at least %3, so songs will take many times longer than they should. %4</source>
        <translation>&lt;b&gt;CPU 运算偏慢：&lt;/b&gt;矩阵乘法在 %2 个线程上仅达到 %1 GFLOP/s，而这台 CPU 的向量单元至少应达到 %3，因此生成歌曲会比正常慢很多倍。%4</translation>
    </message>
    <message>
        <source>CPU maths: %1
Vector units: %2</source>
        <translation>CPU 运算：%1
向量单元：%2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Licences of %1</source>
        <translation>%1 的许可证</translation>
    </message>
</context>
<context>
    <name>drs::ui::AboutDialog</name>
    <message>
        <source>About DiffRhythm Studio</source>
        <translation>关于 DiffRhythm Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;DiffRhythm Studio %1&lt;/h3&gt;&lt;p&gt;Lyrics and a style prompt in, a song out — with a native C++ implementation of DiffRhythm inference.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL v3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DiffRhythm Studio %1&lt;/h3&gt;&lt;p&gt;输入歌词和风格提示词，生成一首歌曲 — 基于 DiffRhythm 推理的原生 C++ 实现。&lt;/p&gt;&lt;p&gt;依据 GNU GPL v3 或更高版本授权。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>drs::ui::CitizenSettings</name>
    <message>
        <source>Keep the computer &amp;awake during long runs</source>
        <translation>长时间生成时保持电脑唤醒(&amp;A)</translation>
    </message>
    <message>
        <source>While a run expected to take more than 5 minutes is going, ask the desktop not to suspend the computer</source>
        <translation>预计耗时超过 5 分钟的生成进行期间，请求桌面不要让电脑进入睡眠</translation>
    </message>
    <message>
        <source>Keep the computer &amp;responsive</source>
        <translation>保持电脑响应流畅(&amp;R)</translation>
    </message>
    <message>
        <source>Run the engine at a lower priority, so that this window and other programs stay quick while a song is generated. While other programs keep the processor busy, songs take somewhat longer; when nothing else competes for it, they do not. Applies from the next run.</source>
        <translation>以较低优先级运行引擎，使生成歌曲时本窗口和其他程序保持流畅。其他程序占用处理器时，生成会稍慢一些；没有其他程序争用时则不受影响。从下一次生成起生效。</translation>
    </message>
</context>
<context>
    <name>drs::ui::DownloadDialog</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>正在下载 %1</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <source>File %1 of %2: %3</source>
        <translation>第 %1 个文件（共 %2 个）：%3</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source> — %1/s</source>
        <translation> — %1/秒</translation>
    </message>
    <message>
        <source>, %1:%2 left</source>
        <translation>，剩余 %1:%2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>drs::ui::EditPanel</name>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Regenerate selection</source>
        <translation>重新生成所选部分</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>续写</translation>
    </message>
    <message>
        <source>A/B: play parent</source>
        <translation>A/B：播放原版本</translation>
    </message>
    <message>
        <source>Play the take this one was made from, at the same position</source>
        <translation>在相同位置播放生成此版本所依据的版本</translation>
    </message>
    <message>
        <source>Continue to</source>
        <translation>续写到</translation>
    </message>
    <message>
        <source>%1 (%2 s)</source>
        <translation>%1（%2 秒）</translation>
    </message>
    <message>
        <source>Drag over the waveform to select the parts to regenerate.</source>
        <translation>在波形上拖动，选择要重新生成的部分。</translation>
    </message>
    <message numerus="yes">
        <source>Regenerate %n part(s): %1</source>
        <translation>
            <numerusform>重新生成 %n 个部分：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>drs::ui::ErrorAdvice</name>
    <message>
        <source>The request cannot be generated</source>
        <translation>无法生成此请求</translation>
    </message>
    <message>
        <source>Model files are missing</source>
        <translation>缺少模型文件</translation>
    </message>
    <message>
        <source>Model files are damaged</source>
        <translation>模型文件已损坏</translation>
    </message>
    <message>
        <source>The result could not be written</source>
        <translation>无法写入结果</translation>
    </message>
    <message>
        <source>Not enough memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Check the lyrics (problems are marked in the editor), the style prompt and the song length, then try again.</source>
        <translation>请检查歌词（问题已在编辑器中标出）、风格提示词和歌曲长度，然后重试。</translation>
    </message>
    <message>
        <source>Install the DiffRhythm model files with Models… or point DRS_MODEL_DIR at a model folder.</source>
        <translation>请通过“模型…”安装 DiffRhythm 模型文件，或将 DRS_MODEL_DIR 指向一个模型文件夹。</translation>
    </message>
    <message>
        <source>Download the model again with Models…; a file is incomplete or of the wrong version.</source>
        <translation>请通过“模型…”重新下载模型；有文件不完整或版本不对。</translation>
    </message>
    <message>
        <source>Choose another folder or free some disk space.</source>
        <translation>请选择其他文件夹或释放一些磁盘空间。</translation>
    </message>
    <message>
        <source>Close other programs, choose a shorter song or a faster preset, then retry.</source>
        <translation>请关闭其他程序，选择更短的歌曲或更快的预设，然后重试。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>This is a bug. Your lyrics and settings are kept; please report the message above.</source>
        <translation>这是一个程序错误。您的歌词和设置均已保留；请报告上面的信息。</translation>
    </message>
</context>
<context>
    <name>drs::ui::ExampleSongs</name>
    <message>
        <source>Paper Boats (folk pop)</source>
        <translation>纸船（民谣流行）</translation>
    </message>
    <message>
        <source>Neon Runner (synthwave)</source>
        <translation>霓虹奔跑者（合成器浪潮）</translation>
    </message>
    <message>
        <source>Kitchen Table Blues (blues)</source>
        <translation>厨房餐桌布鲁斯（布鲁斯）</translation>
    </message>
    <message>
        <source>Rooftop Summer (Mandopop)</source>
        <translation>屋顶的夏天（华语流行）</translation>
    </message>
</context>
<context>
    <name>drs::ui::FirstRunDialog</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
</context>
<context>
    <name>drs::ui::FirstRunOffer</name>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>不再询问</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No DiffRhythm model is installed yet&lt;/h3&gt;&lt;p&gt;The app is running on the &lt;b&gt;demo model&lt;/b&gt;: everything works, but it produces noise, not music. To make songs, download a real model set or import files you already have.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;尚未安装 DiffRhythm 模型&lt;/h3&gt;&lt;p&gt;本应用目前使用&lt;b&gt;演示模型&lt;/b&gt;运行：所有功能都可以使用，但生成的是噪声而不是音乐。要创作歌曲，请下载一套真正的模型，或导入您已有的文件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 Download size about %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 下载大小约 %3。</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>I already have the files…</source>
        <translation>我已经有这些文件…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>drs::ui::GenerationController</name>
    <message>
        <source>&lt;b&gt;No model loaded.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;未加载模型。&lt;/b&gt;%1</translation>
    </message>
</context>
<context>
    <name>drs::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(Language)(&amp;L)</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>Applies from the next start</source>
        <translation>下次启动时生效</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>DiffRhythm Studio will appear in %1 from the next start.</source>
        <translation>DiffRhythm Studio 将从下次启动起使用%1。</translation>
    </message>
</context>
<context>
    <name>drs::ui::LibraryBar</name>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Give the selected take a name</source>
        <translation>为所选录音命名</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>A pinned take is never removed to keep the library within its size</source>
        <translation>固定的录音永远不会因库的大小限制而被删除</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected take (can be undone until the app is closed)</source>
        <translation>删除所选录音（在关闭应用前可以撤销）</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Bring back the last deleted take</source>
        <translation>恢复最近删除的录音</translation>
    </message>
    <message>
        <source>Reuse settings</source>
        <translation>沿用设置</translation>
    </message>
    <message>
        <source>Put the take&apos;s lyrics, style, preset, length and seed back into the song settings</source>
        <translation>将该录音的歌词、风格、预设、时长和种子放回歌曲设置</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Generate the take again from its replay manifest and check that the audio is identical</source>
        <translation>按其重放清单重新生成该录音，并检查音频是否完全相同</translation>
    </message>
    <message>
        <source>Size limit…</source>
        <translation>大小上限…</translation>
    </message>
    <message>
        <source>The oldest unpinned takes are removed beyond this size</source>
        <translation>超过此大小时会删除最旧的未固定录音</translation>
    </message>
    <message>
        <source>Library: %1 of %2</source>
        <translation>录音库：%1 / %2</translation>
    </message>
</context>
<context>
    <name>drs::ui::Licences</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is made of parts published under different licences:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 由以不同许可证发布的部分组成：</translation>
    </message>
    <message>
        <source>Songs generated with this set may not be used commercially, because the MuQ-MuLan style encoder is licensed CC-BY-NC 4.0.</source>
        <translation>使用这套模型生成的歌曲不得用于商业用途，因为 MuQ-MuLan 风格编码器采用 CC-BY-NC 4.0 许可证。</translation>
    </message>
    <message>
        <source>Summary of the model cards, not legal advice. By downloading you accept these licences.</source>
        <translation>以上为模型卡的摘要，不构成法律建议。下载即表示您接受这些许可证。</translation>
    </message>
</context>
<context>
    <name>drs::ui::ListenInPanel</name>
    <message>
        <source>Listen in</source>
        <translation>试听</translation>
    </message>
    <message>
        <source>Hear the model&apos;s current guess of about 10 seconds of the song around the lyric line under the cursor. It is a preview, not the finished song: it sharpens as sampling goes on. Decoding it delays the run by as long as the decode takes.</source>
        <translation>试听模型当前对光标所在歌词行附近约 10 秒歌曲的推测。这只是预览，不是最终的歌曲：随着采样进行会越来越清晰。解码预览会让本次生成延后相应的解码时间。</translation>
    </message>
    <message>
        <source>Preview after step %1 of %2, %3–%4 (not the finished song; it cost the run %5 s)</source>
        <translation>第 %1/%2 步后的预览，%3–%4（不是最终的歌曲；本次生成因此多用了 %5 秒）</translation>
    </message>
    <message>
        <source>Stop preview</source>
        <translation>停止预览</translation>
    </message>
    <message>
        <source>The preview is decoded when the current step finishes…</source>
        <translation>当前步骤完成后将解码预览…</translation>
    </message>
    <message>
        <source>A preview costs the run about %1 s.</source>
        <translation>每次预览会让本次生成多用约 %1 秒。</translation>
    </message>
</context>
<context>
    <name>drs::ui::LrcTools</name>
    <message>
        <source>Gap too short: this line needs %1 frames (%2 s) but the next line starts after %3 s; the last %4 tokens will be cut or pushed back.</source>
        <translation>间隔太短：这一行需要 %1 帧（%2 秒），但下一行在 %3 秒后就开始了；最后 %4 个词元将被截断或后移。</translation>
    </message>
    <message>
        <source>Gap long: %1 s until the next line for about %2 s of singing (%3 tokens); the model may repeat words or hum. Add a line or a timed break.</source>
        <translation>间隔过长：距下一行还有 %1 秒，而演唱只需约 %2 秒（%3 个词元）；模型可能会重复歌词或哼唱。请添加一行歌词或一个带时间标记的间奏。</translation>
    </message>
</context>
<context>
    <name>drs::ui::LyricsEditor</name>
    <message>
        <source>[00:10.00]First line of the song
[00:14.50]Second line ...</source>
        <translation>[00:10.00]歌曲的第一句
[00:14.50]第二句……</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>drs::ui::LyricsPanel</name>
    <message>
        <source>Lyrics (LRC)</source>
        <translation>歌词（LRC）</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Lyrics</source>
        <translation>歌词</translation>
    </message>
    <message>
        <source>Open lyrics</source>
        <translation>打开歌词</translation>
    </message>
    <message>
        <source>LRC lyrics (*.lrc *.txt);;All files (*)</source>
        <translation>LRC 歌词 (*.lrc *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Save lyrics</source>
        <translation>保存歌词</translation>
    </message>
    <message>
        <source>LRC lyrics (*.lrc)</source>
        <translation>LRC 歌词 (*.lrc)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Tap to time: play a take, then press F8 at the start of each line.</source>
        <translation>跟拍定时：播放一个版本，然后在每一行开始时按 F8。</translation>
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
        <translation>生成</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Enter); Cancel (Esc)</source>
        <translation>生成（Ctrl+Enter）；取消（Esc）</translation>
    </message>
    <message>
        <source>Playback failed: %1</source>
        <translation>播放失败：%1</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo model — produces noise, install DiffRhythm weights for music&lt;/b&gt; (Models…).</source>
        <translation>&lt;b&gt;演示模型 — 只生成噪声，要生成音乐请安装 DiffRhythm 权重&lt;/b&gt;（模型…）。</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>full</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>base</source>
        <translation>基础</translation>
    </message>
    <message>
        <source>Model: %1 (%2) · %3 · %4</source>
        <translation>模型：%1（%2）· %3 · %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fix the lyrics first.&lt;/b&gt; Line %1: %2</source>
        <translation>&lt;b&gt;请先修正歌词。&lt;/b&gt;第 %1 行：%2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generated with warnings:&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;已生成，但有警告：&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>Resuming at step %1 of %2…</source>
        <translation>从第 %1 步继续（共 %2 步）…</translation>
    </message>
    <message>
        <source>Continuing this take needs the full model (songs of 96–285 s): install and choose it under Models.</source>
        <translation>续写此版本需要完整模型（96–285 秒的歌曲）：请在“模型”中安装并选择它。</translation>
    </message>
    <message>
        <source>The new song starts with this take; the lyrics of the whole song come from the editor.</source>
        <translation>新歌曲以此版本开头；整首歌的歌词取自编辑器。</translation>
    </message>
    <message>
        <source>Playing the parent take %1</source>
        <translation>正在播放原版本 %1</translation>
    </message>
    <message>
        <source>Playing take %1</source>
        <translation>正在播放版本 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Choose a reference song&lt;/b&gt; of at least 10 s, or take the style from the text prompt again.</source>
        <translation>&lt;b&gt;请选择一首参考歌曲&lt;/b&gt;（至少 10 秒），或改回使用文字提示词获取风格。</translation>
    </message>
    <message>
        <source>style of %1</source>
        <translation>%1 的风格</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>加入队列</translation>
    </message>
    <message>
        <source>Run these lyrics and settings after the current run (now, if none runs); later edits do not change the queued run</source>
        <translation>在当前运行结束后用这些歌词和设置生成（若无运行则立即开始）；之后的修改不会改变已排队的运行</translation>
    </message>
    <message>
        <source>The settings can be reused once the run has finished.</source>
        <translation>运行结束后才能沿用设置。</translation>
    </message>
    <message numerus="yes">
        <source>its sampling (%n step(s)) is no preset: the preset is unchanged</source>
        <translation>
            <numerusform>其采样（%n 步）不是预设：预设保持不变</numerusform>
        </translation>
    </message>
    <message>
        <source>its style came from %1: choose that song again</source>
        <translation>其风格来自 %1：请重新选择该歌曲</translation>
    </message>
    <message>
        <source>The take&apos;s settings are back (seed %1).</source>
        <translation>已恢复该录音的设置（种子 %1）。</translation>
    </message>
    <message>
        <source>The take&apos;s settings are back (seed %1); %2.</source>
        <translation>已恢复该录音的设置（种子 %1）；%2。</translation>
    </message>
</context>
<context>
    <name>drs::ui::MenuBuilder</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open lyrics…</source>
        <translation>打开歌词(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save lyrics…</source>
        <translation>保存歌词(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export take…</source>
        <translation>导出版本(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Lyrics</source>
        <translation>歌词(&amp;L)</translation>
    </message>
    <message>
        <source>Insert &amp;timestamp</source>
        <translation>插入时间标记(&amp;T)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Stamp line at playback position (tap to time)</source>
        <translation>在播放位置为当前行打上时间标记（跟拍定时）(&amp;S)</translation>
    </message>
    <message>
        <source>Spread untimed lines &amp;evenly</source>
        <translation>为未定时的行均匀分配时间(&amp;E)</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>示例(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Song</source>
        <translation>歌曲(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Play while decoding</source>
        <translation>边解码边播放(&amp;P)</translation>
    </message>
    <message>
        <source>Start playing a new take as soon as its first seconds are decoded</source>
        <translation>新版本的前几秒解码完成后立即开始播放</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About DiffRhythm Studio</source>
        <translation>关于 DiffRhythm Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>drs::ui::ModelCatalog</name>
    <message>
        <source>Permissive: songs you make may be used commercially.</source>
        <translation>宽松许可：您创作的歌曲可以用于商业用途。</translation>
    </message>
    <message>
        <source>Inherited from Stable Audio Open. Free for research, non-commercial use and for organisations under USD 1M annual revenue; larger commercial use needs a Stability AI licence.</source>
        <translation>继承自 Stable Audio Open。可免费用于研究、非商业用途以及年收入低于 100 万美元的机构；更大规模的商业使用需要 Stability AI 的许可。</translation>
    </message>
    <message>
        <source>Non-commercial. The style encoder shapes every song, so songs made with it may not be used commercially (no sale, no monetised streaming, no advertising).</source>
        <translation>非商业许可。风格编码器影响每一首歌曲，因此用它生成的歌曲不得用于商业用途（不得出售、不得用于盈利性流媒体、不得用于广告）。</translation>
    </message>
    <message>
        <source>Permissive.</source>
        <translation>宽松许可。</translation>
    </message>
    <message>
        <source>DiffRhythm 1.2 DiT, full (96-285 s songs)</source>
        <translation>DiffRhythm 1.2 DiT，完整版（96–285 秒的歌曲）</translation>
    </message>
    <message>
        <source>DiffRhythm 1.2 DiT, base (95 s songs)</source>
        <translation>DiffRhythm 1.2 DiT，基础版（95 秒的歌曲）</translation>
    </message>
    <message>
        <source>DiffRhythm VAE (audio decoder)</source>
        <translation>DiffRhythm VAE（音频解码器）</translation>
    </message>
    <message>
        <source>MuQ-MuLan style encoder</source>
        <translation>MuQ-MuLan 风格编码器</translation>
    </message>
    <message>
        <source>XLM-RoBERTa tokenizer</source>
        <translation>XLM-RoBERTa 分词器</translation>
    </message>
    <message>
        <source>DiffRhythm 1.2 base</source>
        <translation>DiffRhythm 1.2 基础版</translation>
    </message>
    <message>
        <source>Songs of 95 seconds. The smaller and faster choice.</source>
        <translation>95 秒的歌曲。体积更小、速度更快。</translation>
    </message>
    <message>
        <source>DiffRhythm 1.2 full</source>
        <translation>DiffRhythm 1.2 完整版</translation>
    </message>
    <message>
        <source>Songs from 96 to 285 seconds.</source>
        <translation>96 到 285 秒的歌曲。</translation>
    </message>
    <message>
        <source>Chinese lyrics (pronunciation lexicon and polyphone model)</source>
        <translation>中文歌词（发音词典和多音字模型）</translation>
    </message>
    <message>
        <source>Needed to sing Chinese lyrics, with any model set.</source>
        <translation>演唱中文歌词所需，适用于任何模型组。</translation>
    </message>
    <message>
        <source>Permissive. The G2P data comes from Amphion (MIT); both notices apply.</source>
        <translation>宽松许可。G2P 数据来自 Amphion（MIT）；两份声明均适用。</translation>
    </message>
</context>
<context>
    <name>drs::ui::ModelManagerDialog</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Installed model sets:</source>
        <translation>已安装的模型组：</translation>
    </message>
    <message>
        <source>Remove selected set…</source>
        <translation>删除所选模型组…</translation>
    </message>
    <message>
        <source>Get a model set</source>
        <translation>获取模型组</translation>
    </message>
    <message>
        <source>%1 (about %2)</source>
        <translation>%1（约 %2）</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>Import from folder…</source>
        <translation>从文件夹导入…</translation>
    </message>
    <message>
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <source>(from HF_TOKEN)</source>
        <translation>（来自 HF_TOKEN）</translation>
    </message>
    <message>
        <source>only for gated repositories</source>
        <translation>仅用于需要授权的仓库</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>服务地址：</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>访问令牌：</translation>
    </message>
    <message>
        <source>Model folder: %1</source>
        <translation>模型文件夹：%1</translation>
    </message>
    <message>
        <source>%1 — %2, installed %3 (%4)%5</source>
        <translation>%1 — %2，安装于 %3（%4）%5</translation>
    </message>
    <message>
        <source> [demo]</source>
        <translation> [演示]</translation>
    </message>
    <message>
        <source> — damaged: %1</source>
        <translation> — 已损坏：%1</translation>
    </message>
    <message>
        <source>(none — the app runs on the demo model)</source>
        <translation>（无 — 应用正在使用演示模型）</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <source>Accept and download</source>
        <translation>接受并下载</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <source>Folder with the files of %1 (a plain folder or a Hugging Face cache)</source>
        <translation>包含 %1 文件的文件夹（普通文件夹或 Hugging Face 缓存）</translation>
    </message>
    <message>
        <source>Accept and import</source>
        <translation>接受并导入</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <source>Nothing was copied. Problems found:
%1</source>
        <translation>未复制任何文件。发现的问题：
%1</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Remove model set</source>
        <translation>删除模型组</translation>
    </message>
    <message>
        <source>Delete %1 and all its files?</source>
        <translation>删除 %1 及其所有文件？</translation>
    </message>
</context>
<context>
    <name>drs::ui::PartialTakeOffer</name>
    <message>
        <source>Keep the decoded part?</source>
        <translation>保留已解码的部分？</translation>
    </message>
    <message>
        <source>%1 s of the song had been decoded when you cancelled. Keep them as a partial take? They play at the level they were heard at while decoding.</source>
        <translation>取消时歌曲已解码 %1 秒。要将其保留为部分作品吗？它将以解码时听到的音量播放。</translation>
    </message>
    <message>
        <source>Keep partial take</source>
        <translation>保留部分作品</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
</context>
<context>
    <name>drs::ui::PlayerPanel</name>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放/暂停（空格键）</translation>
    </message>
    <message>
        <source>%1 / %2 (decoded %3)</source>
        <translation>%1 / %2（已解码 %3）</translation>
    </message>
</context>
<context>
    <name>drs::ui::Presets</name>
    <message>
        <source>Official quality: 32-point grid, guidance 4.0</source>
        <translation>官方质量：32 点网格，引导强度 4.0</translation>
    </message>
    <message>
        <source>24-point grid with sway, guidance 3.0</source>
        <translation>带 sway 的 24 点网格，引导强度 3.0</translation>
    </message>
    <message>
        <source>16-point grid with sway, guidance 2.0 (common on CPUs)</source>
        <translation>带 sway 的 16 点网格，引导强度 2.0（CPU 上常用）</translation>
    </message>
    <message>
        <source>8-point grid with sway, guidance 2.0: quick sketches</source>
        <translation>带 sway 的 8 点网格，引导强度 2.0：用于快速草稿</translation>
    </message>
</context>
<context>
    <name>drs::ui::PromptEdit</name>
    <message>
        <source>e.g. Pop, Emotional, Piano, female vocals</source>
        <translation>例如：Pop, Emotional, Piano, female vocals（流行、抒情、钢琴、女声）</translation>
    </message>
</context>
<context>
    <name>drs::ui::QueueModel</name>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>约 %1</translation>
    </message>
    <message>
        <source>no estimate yet</source>
        <translation>暂无估计</translation>
    </message>
    <message>
        <source>%1. %2 — %3 — seed %4 — %5</source>
        <translation>%1. %2 — %3 — 种子 %4 — %5</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>（无提示词）</translation>
    </message>
</context>
<context>
    <name>drs::ui::QueuePanel</name>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Run next</source>
        <translation>下一个运行</translation>
    </message>
    <message>
        <source>Run the selected item when the current run ends (now, if none runs)</source>
        <translation>当前运行结束后运行所选项（若无运行则立即开始）</translation>
    </message>
    <message numerus="yes">
        <source>%n queued run(s), about %1 in all</source>
        <translation>
            <numerusform>队列中 %n 个运行，共约 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued run(s)</source>
        <translation>
            <numerusform>队列中 %n 个运行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>drs::ui::ResumeOffer</name>
    <message>
        <source>no style prompt</source>
        <translation>无风格提示词</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Continue the run from its last finished step</source>
        <translation>从最后完成的一步继续此次运行</translation>
    </message>
    <message>
        <source>Delete what the interrupted run had computed</source>
        <translation>删除被中断的运行已计算的内容</translation>
    </message>
    <message>
        <source>&lt;b&gt;An interrupted run can be continued&lt;/b&gt; (step %1 of %2, started %3, “%4”).</source>
        <translation>&lt;b&gt;有一次被中断的运行可以继续&lt;/b&gt;（第 %1 步，共 %2 步，开始于 %3，“%4”）。</translation>
    </message>
    <message numerus="yes">
        <source>%n more after this one.</source>
        <translation>
            <numerusform>此外还有 %n 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>drs::ui::RunCitizen</name>
    <message>
        <source>Generating a song</source>
        <translation>正在生成歌曲</translation>
    </message>
    <message>
        <source>Song finished</source>
        <translation>歌曲已完成</translation>
    </message>
    <message>
        <source>Generation failed</source>
        <translation>生成失败</translation>
    </message>
</context>
<context>
    <name>drs::ui::RunStatusView</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>about %1 left (from earlier runs; calibrating on the first step)</source>
        <translation>剩余约 %1（依据之前的运行；将在第一步校准）</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>剩余约 %1</translation>
    </message>
    <message>
        <source>time left: calibrating on the first step…</source>
        <translation>剩余时间：将在第一步校准…</translation>
    </message>
    <message>
        <source>Elapsed %1 · %2</source>
        <translation>已用时 %1 · %2</translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation>用时 %1 完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled — nothing was changed</source>
        <translation>已取消 — 未做任何更改</translation>
    </message>
    <message numerus="yes">
        <source> · then %n queued run(s)</source>
        <translation>
            <numerusform> · 之后还有 %n 个排队的运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · then %n queued run(s), about %1; all done in about %2</source>
        <translation>
            <numerusform> · 之后还有 %n 个排队的运行，约 %1；全部约 %2 后完成</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>drs::ui::RunText</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Loading models — %1</source>
        <translation>正在加载模型 — %1</translation>
    </message>
    <message>
        <source>Reading lyrics…</source>
        <translation>正在读取歌词…</translation>
    </message>
    <message>
        <source>Encoding the style prompt…</source>
        <translation>正在编码风格提示词…</translation>
    </message>
    <message>
        <source>Encoding the song to edit — chunk %1 of %2</source>
        <translation>正在编码要编辑的歌曲 — 第 %1 段，共 %2 段</translation>
    </message>
    <message>
        <source>Encoding the song to edit…</source>
        <translation>正在编码要编辑的歌曲…</translation>
    </message>
    <message>
        <source>Sampling — step %1 of %2</source>
        <translation>采样 — 第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Sampling…</source>
        <translation>采样中…</translation>
    </message>
    <message>
        <source>Decoding audio — chunk %1 of %2</source>
        <translation>解码音频 — 第 %1 段，共 %2 段</translation>
    </message>
    <message>
        <source>Decoding audio…</source>
        <translation>正在解码音频…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>即将完成…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>drs::ui::SetDownload</name>
    <message>
        <source>&apos;%1&apos; is not a model set id.</source>
        <translation>“%1”不是模型集的标识。</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>下载已取消。</translation>
    </message>
</context>
<context>
    <name>drs::ui::SongSettingsPanel</name>
    <message>
        <source>Best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>快速</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Song</source>
        <translation>歌曲</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Left: best quality. Right: fastest.</source>
        <translation>左：质量最佳。右：速度最快。</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>风格：</translation>
    </message>
    <message>
        <source>Style from:</source>
        <translation>风格来源：</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>长度：</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Faster bfloat16 maths (this CPU supports it)</source>
        <translation>更快的 bfloat16 运算（这台 CPU 支持）</translation>
    </message>
    <message>
        <source>Faster int8 maths (this CPU supports it)</source>
        <translation>更快的 int8 运算（这台 CPU 支持）</translation>
    </message>
    <message>
        <source>bfloat16 matrix maths runs %1× as fast as float32 on this CPU: songs take about half the time. The result differs slightly from the official float32 computation (final latent within about 3 %).</source>
        <translation>在这台 CPU 上，bfloat16 矩阵运算的速度是 float32 的 %1 倍：生成歌曲大约只需一半时间。结果与官方 float32 计算略有差异（最终潜变量相差约 3 % 以内）。</translation>
    </message>
    <message>
        <source>int8 matrix maths runs %1× as fast as float32 on this CPU (the transformer&apos;s matrices are quantised to 8 bits; where the CPU has native bfloat16, attention and the decoder run in it). The result differs slightly from the official float32 computation (final latent within about 1.5 %).</source>
        <translation>在这台 CPU 上，int8 矩阵运算的速度是 float32 的 %1 倍（Transformer 的矩阵量化为 8 位；在原生支持 bfloat16 的 CPU 上，注意力计算和解码器也以 bfloat16 运行）。结果与官方 float32 计算略有差异（最终潜变量相差约 1.5 % 以内）。</translation>
    </message>
    <message>
        <source>%1–%2 s with the full model.</source>
        <translation>使用完整模型时为 %1–%2 秒。</translation>
    </message>
    <message>
        <source>Fixed at 95 s: the base model has one length. Install the full model (Models…) for 96–285 s.</source>
        <translation>固定为 95 秒：基础模型只有一种长度。安装完整模型（模型…）可生成 96–285 秒的歌曲。</translation>
    </message>
    <message>
        <source>%1 — %2 steps, CFG %3 — about %4 on this machine (%5)</source>
        <translation>%1 — %2 步，CFG %3 — 在本机上约需 %4（%5）</translation>
    </message>
    <message>
        <source>from earlier runs</source>
        <translation>依据之前的运行</translation>
    </message>
    <message>
        <source>from this CPU&apos;s measured speed</source>
        <translation>依据实测的 CPU 速度</translation>
    </message>
    <message>
        <source>rough default, not yet measured</source>
        <translation>粗略默认值，尚未实测</translation>
    </message>
    <message>
        <source>Seed used: %1</source>
        <translation>所用种子：%1</translation>
    </message>
</context>
<context>
    <name>drs::ui::SpanSelector</name>
    <message>
        <source>Drag to select a part to regenerate; right-click a selection to remove it</source>
        <translation>拖动以选择要重新生成的部分；右键单击所选部分可将其移除</translation>
    </message>
</context>
<context>
    <name>drs::ui::StreamingPlayback</name>
    <message>
        <source>No audio output device to play on while decoding.</source>
        <translation>没有可用于边解码边播放的音频输出设备。</translation>
    </message>
    <message>
        <source>The audio device %1 could not be opened.</source>
        <translation>无法打开音频设备 %1。</translation>
    </message>
    <message>
        <source>Decoded audio arrived out of order; playback while decoding stopped.</source>
        <translation>解码后的音频顺序错乱；边解码边播放已停止。</translation>
    </message>
</context>
<context>
    <name>drs::ui::StyleSourcePanel</name>
    <message>
        <source>&amp;Text prompt</source>
        <translation>文字提示词(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reference song</source>
        <translation>参考歌曲(&amp;R)</translation>
    </message>
    <message>
        <source>Choose song…</source>
        <translation>选择歌曲…</translation>
    </message>
    <message>
        <source>No song chosen</source>
        <translation>未选择歌曲</translation>
    </message>
    <message>
        <source>Play clip</source>
        <translation>播放片段</translation>
    </message>
    <message>
        <source>Take the style from 10 s of a song you like (MuQ-MuLan&apos;s audio tower), as the official --ref-audio-path does</source>
        <translation>从一首您喜欢的歌曲中截取 10 秒来获取风格（MuQ-MuLan 的音频塔），与官方的 --ref-audio-path 相同</translation>
    </message>
    <message>
        <source>Click to move the 10 s clip the style is taken from</source>
        <translation>点击以移动用于获取风格的 10 秒片段</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Where the 10 s clip starts in the song</source>
        <translation>10 秒片段在歌曲中的起点</translation>
    </message>
    <message>
        <source>Clip starts at</source>
        <translation>片段起点</translation>
    </message>
    <message>
        <source>%1 is %2 s long; a reference song needs at least 10 s</source>
        <translation>%1 长 %2 秒；参考歌曲至少需要 10 秒</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Choose a reference song</source>
        <translation>选择参考歌曲</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.flac *.ogg *.opus *.mp3);;All files (*)</source>
        <translation>音频文件 (*.wav *.flac *.ogg *.opus *.mp3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot use this song: %1</source>
        <translation>无法使用这首歌曲：%1</translation>
    </message>
</context>
<context>
    <name>drs::ui::TakeReplay</name>
    <message>
        <source>The engine is busy or cannot replay takes.</source>
        <translation>引擎正忙或无法重新生成录音。</translation>
    </message>
    <message>
        <source>The engine refused the run.</source>
        <translation>引擎拒绝了该运行。</translation>
    </message>
    <message>
        <source>Replay of %1 failed: %2</source>
        <translation>重新生成 %1 失败：%2</translation>
    </message>
    <message>
        <source>Replay of %1: identical to the stored take (SHA-256 %2…)</source>
        <translation>重新生成 %1：与保存的录音完全相同（SHA-256 %2…）</translation>
    </message>
    <message>
        <source>Replay of %1: the audio differs from the stored take (SHA-256 %2…, the take&apos;s %3…)</source>
        <translation>重新生成 %1：音频与保存的录音不同（SHA-256 %2…，原录音 %3…）</translation>
    </message>
</context>
<context>
    <name>drs::ui::TakesModel</name>
    <message>
        <source>Take %1 — %2 — seed %3 — %4 — %5</source>
        <translation>版本 %1 — %2 — 种子 %3 — %4 — %5</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>（无提示词）</translation>
    </message>
    <message>
        <source>%1 — from take %2</source>
        <translation>%1 — 来自版本 %2</translation>
    </message>
    <message>
        <source>%1 (pinned)</source>
        <translation>%1（已固定）</translation>
    </message>
</context>
<context>
    <name>drs::ui::TakesPanel</name>
    <message>
        <source>Takes</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Double-click a take to reuse its seed</source>
        <translation>双击一个版本即可重用它的种子</translation>
    </message>
    <message>
        <source>Could not write the preview file %1</source>
        <translation>无法写入预览文件 %1</translation>
    </message>
    <message>
        <source>No take selected.</source>
        <translation>未选择版本。</translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation>WAV 音频 (*.wav)</translation>
    </message>
    <message>
        <source>Export take</source>
        <translation>导出版本</translation>
    </message>
    <message>
        <source>FLAC audio (*.flac)</source>
        <translation>FLAC 音频 (*.flac)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Playback while decoding stopped: %1</source>
        <translation>边解码边播放已停止：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>style of %1</source>
        <translation>%1 的风格</translation>
    </message>
    <message>
        <source>The take was not kept in the library: %1</source>
        <translation>该录音未能保存到录音库：%1</translation>
    </message>
    <message numerus="yes">
        <source>The takes library is over its limit of %1: removed the %n oldest unpinned take(s).</source>
        <translation>
            <numerusform>录音库超过了 %1 的上限：已删除 %n 个最旧的未固定录音。</numerusform>
        </translation>
    </message>
    <message>
        <source>Takes library size</source>
        <translation>录音库大小</translation>
    </message>
    <message>
        <source>Keep at most this many MiB of takes:</source>
        <translation>录音最多保留多少 MiB：</translation>
    </message>
    <message>
        <source>Could not rename the take in %1</source>
        <translation>无法在 %1 中重命名该录音</translation>
    </message>
    <message>
        <source>Rename take</source>
        <translation>重命名录音</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Could not move the take to %1</source>
        <translation>无法将该录音移动到 %1</translation>
    </message>
    <message>
        <source>Take deleted (Undo delete brings it back until the app is closed)</source>
        <translation>录音已删除（关闭应用前可用“撤销删除”恢复）</translation>
    </message>
    <message>
        <source>Could not restore the take into %1</source>
        <translation>无法将该录音恢复到 %1</translation>
    </message>
    <message>
        <source>take %1</source>
        <translation>录音 %1</translation>
    </message>
    <message>
        <source>Replaying take %1…</source>
        <translation>正在重新生成录音 %1…</translation>
    </message>
    <message>
        <source>Cannot replay take %1: %2</source>
        <translation>无法重新生成录音 %1：%2</translation>
    </message>
    <message>
        <source>Could not read the take: %1</source>
        <translation>无法读取该录音：%1</translation>
    </message>
</context>
<context>
    <name>drs::ui::WaveformView</name>
    <message>
        <source>Click to seek</source>
        <translation>点击跳转</translation>
    </message>
    <message>
        <source>No take yet</source>
        <translation>尚无版本</translation>
    </message>
</context>
</TS>
