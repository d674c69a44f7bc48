// Every translations/*.ts is complete and keeps what the code relies on (placeholders,
// one accelerator, rich-text tags, shortcuts, line breaks); the language choice; the
// Chinese translation really reaches the window (menus, preset descriptions); Chinese
// lyrics have glyphs, in their Simplified forms.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QGlyphRun>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTextLayout>
#include <QTimer>
#include <QXmlStreamReader>

#include <algorithm>

#include "drs/presets.h"
#include "support/fake_backend.h"
#include "ui/cjk_font.h"
#include "ui/example_songs.h"
#include "ui/language_menu.h"
#include "ui/lyrics_editor.h"
#include "ui/main_window.h"
#include "ui/preset_description.h"
#include "ui/ui_language.h"

using namespace drs::ui;

namespace {

struct Message {
  QString context;
  QString source;
  QStringList translations;  // one per numerus form
  bool numerus = false;
  bool finished = true;
};

// The forms of one <translation> (one, or one per <numerusform>) and whether it is
// finished; the reader stands on its start element.
void read_translation(QXmlStreamReader& xml, Message* m) {
  m->finished = xml.attributes().value(QLatin1String("type")).isEmpty();
  if (!m->numerus) {
    m->translations << xml.readElementText();
    return;
  }
  while (xml.readNextStartElement()) {
    if (xml.name() == QLatin1String("numerusform")) {
      m->translations << xml.readElementText();
    } else {
      xml.skipCurrentElement();
    }
  }
}

// Reads a .ts file; false with `error` on malformed XML.
bool read_ts(const QString& path, QString* language, std::vector<Message>* messages,
             QString* error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return *error = file.errorString(), false;
  QXmlStreamReader xml(&file);
  QString context;
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    if (xml.name() == QLatin1String("TS")) {
      *language = xml.attributes().value(QLatin1String("language")).toString();
    } else if (xml.name() == QLatin1String("name")) {
      context = xml.readElementText();
    } else if (xml.name() == QLatin1String("message")) {
      Message m{context, {}, {}, xml.attributes().value(QLatin1String("numerus")) == u"yes", false};
      while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("source")) {
          m.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
          read_translation(xml, &m);
        } else {
          xml.skipCurrentElement();
        }
      }
      messages->push_back(m);
    }
  }
  if (xml.hasError()) return *error = xml.errorString(), false;
  return true;
}

QStringList sorted_matches(const QString& text, const QRegularExpression& pattern) {
  QStringList found;
  for (auto it = pattern.globalMatch(text); it.hasNext();) found << it.next().captured(0);
  found.sort();
  return found;
}

QStringList placeholders(const QString& text) {
  static const QRegularExpression pattern(QStringLiteral("%(?:n|L?[1-9][0-9]?)"));
  return sorted_matches(text, pattern);
}

QStringList tags(const QString& text) {
  static const QRegularExpression pattern(QStringLiteral("</?[a-zA-Z][a-zA-Z0-9]*\\s*/?>"));
  return sorted_matches(text, pattern);
}

// Mnemonic markers: '&' before a character, not "&&" (a literal ampersand) and not an
// HTML entity such as "&nbsp;".
int accelerators(const QString& text) {
  static const QRegularExpression entity(QStringLiteral("&(?:[a-zA-Z]+|#[0-9]+);"));
  QString plain = text;
  plain.remove(entity);
  plain.remove(QStringLiteral("&&"));
  int count = 0;
  for (qsizetype i = 0; i + 1 < plain.size(); ++i)
    if (plain[i] == u'&' && !plain[i + 1].isSpace()) ++count;
  return count;
}

bool is_shortcut(const QString& text) {
  static const QRegularExpression pattern(QStringLiteral("^(?:Ctrl|Shift|Alt|Meta)\\+\\S+$"));
  return pattern.match(text).hasMatch();
}

// What is wrong with one translation form of `m`, or empty.
QString problem(const Message& m, const QString& form, const QString& language) {
  if (form.trimmed().isEmpty()) return QStringLiteral("empty translation");
  const QStringList wanted = placeholders(m.source);
  if (placeholders(form) != wanted)
    return QStringLiteral("placeholders %1 instead of %2")
        .arg(placeholders(form).join(u' '), wanted.join(u' '));
  if (tags(form) != tags(m.source))
    return QStringLiteral("rich-text tags %1 instead of %2")
        .arg(tags(form).join(u' '), tags(m.source).join(u' '));
  if (accelerators(form) != accelerators(m.source))
    return QStringLiteral("%1 accelerator(s) instead of %2")
        .arg(accelerators(form))
        .arg(accelerators(m.source));
  // Chinese menus keep a Latin mnemonic in brackets, "文件(&F)".
  static const QRegularExpression bracketed(QStringLiteral("\\(&[A-Z0-9]\\)"));
  if (language.startsWith(QLatin1String("zh")) && accelerators(m.source) == 1 &&
      !bracketed.match(form).hasMatch())
    return QStringLiteral("the accelerator is not of the form (&X)");
  if (is_shortcut(m.source) && form != m.source)
    return QStringLiteral("a shortcut must stay %1").arg(m.source);
  if (form.count(u'\n') != m.source.count(u'\n')) return QStringLiteral("line breaks differ");
  return {};
}

QString qm_dir() {
  return QStringLiteral(DRS_QM_DIR);
}

QMenu* top_menu(QMainWindow& window, int index) {
  const auto actions = window.menuBar()->actions();
  return index < actions.size() ? actions[index]->menu() : nullptr;
}

}  // namespace

class TestTranslations : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("DrsUiTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_translations"));
    QSettings().clear();
  }

  void everyTsFileIsCompleteAndConsistent() {
    const QDir dir(QStringLiteral(DRS_TRANSLATIONS_DIR));
    const QStringList files = dir.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 2, qPrintable(dir.path()));
    int failures = 0;
    for (const QString& name : files) {
      QString language, error;
      std::vector<Message> messages;
      QVERIFY2(read_ts(dir.filePath(name), &language, &messages, &error),
               qPrintable(name + QStringLiteral(": ") + error));
      QVERIFY2(!messages.empty(), qPrintable(name));
      int bad = 0;
      for (const Message& m : messages) {
        QString why = m.finished ? QString() : QStringLiteral("unfinished");
        if (m.numerus && m.translations.isEmpty()) why = QStringLiteral("no numerus forms");
        for (const QString& form : m.translations)
          if (why.isEmpty()) why = problem(m, form, language);
        if (why.isEmpty()) continue;
        ++bad;
        qWarning("%s [%s] \"%s\": %s", qPrintable(name), qPrintable(m.context),
                 qPrintable(m.source.left(60)), qPrintable(why));
      }
      std::printf("%s (%s): %zu messages, %zu translated and consistent\n", qPrintable(name),
                  qPrintable(language), messages.size(), messages.size() - std::size_t(bad));
      failures += bad;
    }
    QCOMPARE(failures, 0);
  }

  // The checks above must catch what they claim to.
  void checksCatchMistakes() {
    const Message m{
        QStringLiteral("C"), QStringLiteral("&Open %1 of %2 <b>now</b>"), {}, false, true};
    QVERIFY(problem(m, QStringLiteral("打开 %1/%2 <b>现在</b>(&O)"), QStringLiteral("zh_CN"))
                .isEmpty());
    QVERIFY(problem(m, QStringLiteral("&Öffnen %1 von %2 <b>jetzt</b>"), QStringLiteral("de"))
                .isEmpty());
    QVERIFY(
        !problem(m, QStringLiteral("打开 %1 <b>现在</b>(&O)"), QStringLiteral("zh_CN")).isEmpty());
    QVERIFY(!problem(m, QStringLiteral("打开 %1/%2 现在(&O)"), QStringLiteral("zh_CN")).isEmpty());
    QVERIFY(
        !problem(m, QStringLiteral("打开 %1/%2 <b>现在</b>"), QStringLiteral("zh_CN")).isEmpty());
    QVERIFY(
        !problem(m, QStringLiteral("&打开 %1/%2 <b>现在</b>"), QStringLiteral("zh_CN")).isEmpty());
    QVERIFY(!problem(m, QStringLiteral("   "), QStringLiteral("de")).isEmpty());
    const Message shortcut{QStringLiteral("C"), QStringLiteral("Ctrl+E"), {}, false, true};
    QVERIFY(!problem(shortcut, QStringLiteral("Strg+E"), QStringLiteral("de")).isEmpty());
    QCOMPARE(accelerators(QStringLiteral("Tom &amp;&& Jerry&nbsp;")), 0);
  }

  void languageFollowsTheSystem() {
    QCOMPARE(resolveUiLanguage({}, QLocale(QStringLiteral("zh_CN"))), QStringLiteral("zh_CN"));
    QCOMPARE(resolveUiLanguage({}, QLocale(QStringLiteral("zh_SG"))), QStringLiteral("zh_CN"));
    QCOMPARE(resolveUiLanguage({}, QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript,
                                           QLocale::AnyTerritory)),
             QStringLiteral("zh_CN"));
    QCOMPARE(resolveUiLanguage({}, QLocale(QStringLiteral("zh_TW"))), QStringLiteral("en"));
    QCOMPARE(resolveUiLanguage({}, QLocale(QStringLiteral("de_AT"))), QStringLiteral("de"));
    QCOMPARE(resolveUiLanguage({}, QLocale(QStringLiteral("fr_FR"))), QStringLiteral("en"));
    QCOMPARE(resolveUiLanguage({}, QLocale::c()), QStringLiteral("en"));
    // A saved choice wins; an unknown one is ignored.
    QCOMPARE(resolveUiLanguage(QStringLiteral("de"), QLocale(QStringLiteral("zh_CN"))),
             QStringLiteral("de"));
    QCOMPARE(resolveUiLanguage(QStringLiteral("xx"), QLocale(QStringLiteral("zh_CN"))),
             QStringLiteral("zh_CN"));
  }

  void languageMenuSavesTheChoice() {
    QSettings().clear();
    LanguageMenu menu;
    const auto actions = menu.actions();
    QAction* chinese = nullptr;
    int checkable = 0;
    for (QAction* action : actions) {
      checkable += action->isCheckable() ? 1 : 0;
      if (action->data().toString() == QLatin1String("zh_CN")) chinese = action;
    }
    QCOMPARE(checkable, 1 + static_cast<int>(uiLanguages().size()));  // System + each
    QVERIFY(actions.front()->isChecked());                            // System by default
    QVERIFY(chinese);
    QCOMPARE(chinese->text(), QStringLiteral("简体中文"));
    // The confirmation box says when the change applies; close it as a user would.
    bool told = false;
    QTimer::singleShot(0, [&told] {
      if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
        told = box->text().contains(QStringLiteral("简体中文"));
        box->accept();
      }
    });
    chinese->trigger();
    QVERIFY(told);
    QCOMPARE(savedUiLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(LanguageMenu().actions().at(3)->isChecked(), true);
    QSettings().clear();
    QCOMPARE(savedUiLanguage(), QString());
  }

  void chineseReachesTheWindow() {
    const auto english_songs = example_songs();
    const UiTranslators translators(QStringLiteral("zh_CN"), qm_dir());
    QVERIFY2(translators.appTranslationLoaded(), qPrintable(qm_dir()));
    MainWindow window(std::make_unique<drs::test::FakeBackend>(drs::test::FakeScript{}), nullptr);
    QCOMPARE(top_menu(window, 0)->title(), QStringLiteral("文件(&F)"));
    QCOMPARE(window.windowTitle(), QStringLiteral("DiffRhythm Studio"));
    // Every preset's description (engine data) is translated.
    for (const drs::Preset& preset : drs::presets()) {
      const QString english = QString::fromUtf8(preset.description.data(),
                                                static_cast<qsizetype>(preset.description.size()));
      QVERIFY2(presetDescription(preset) != english, qPrintable(english));
    }
    // Every example title is translated; one example is a Chinese song.
    const auto songs = example_songs();
    QCOMPARE(songs.size(), english_songs.size());
    for (std::size_t i = 0; i < songs.size(); ++i)
      QVERIFY2(songs[i].title != english_songs[i].title, qPrintable(songs[i].title));
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    QVERIFY(std::any_of(songs.begin(), songs.end(),
                        [](const ExampleSong& song) { return han.match(song.lyrics).hasMatch(); }));
  }

  void qtsOwnStringsAreChineseToo() {
    const UiTranslators translators(QStringLiteral("zh_CN"), qm_dir());
    if (!translators.qtTranslationLoaded())
      QSKIP("qtbase_zh_CN.qm is not installed (Debian: qt6-translations-l10n)");
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
  }

  // Laid out in the lyric editor's font, every character of the Chinese example has a
  // glyph (no boxes), from a Simplified Chinese family even under an English locale.
  void chineseLyricsHaveGlyphs() {
    if (QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty())
      QFAIL("no font writes Simplified Chinese: install fonts-noto-cjk (scripts/install-deps.sh)");
    LyricsEditor editor;
    const QString text = QStringLiteral("屋顶的风吹乱了夏天");
    QTextLayout layout(text, editor.font());
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    int glyphs = 0;
    for (const QGlyphRun& run : layout.glyphRuns()) {
      const QString family = run.rawFont().familyName();
      for (const quint32 index : run.glyphIndexes()) {
        QVERIFY2(index != 0, qPrintable(QStringLiteral("missing glyph in ") + family));
        ++glyphs;
      }
      // Noto's regional variants: SC, not JP/KR/TC/HK.
      if (family.contains(QLatin1String("CJK")))
        QVERIFY2(family.contains(QLatin1String("SC")), qPrintable(family));
    }
    QCOMPARE(glyphs, text.size());
    const QStringList families = withChineseGlyphs(editor.font()).families();
    QVERIFY2(families.size() >= 2, qPrintable(families.join(u',')));
  }

  void englishInstallsNothing() {
    const UiTranslators translators(QStringLiteral("en"), qm_dir());
    QVERIFY(!translators.appTranslationLoaded());
    QCOMPARE(presetDescription(drs::presets().front()),
             QStringLiteral("Official quality: 32-point grid, guidance 4.0"));
  }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
