#include "ui/example_songs.h"

#include <QCoreApplication>

namespace drs::ui {
namespace {

QString translated(const char* text) {
  return QCoreApplication::translate("drs::ui::ExampleSongs", text);
}

}  // namespace

// Each line fits its gap. The final empty stamp is an instrumental outro: the base
// model drops the last line. The Chinese song avoids digits and the 一/不 tone quirks,
// so what is sung is what is written.
std::vector<ExampleSong> example_songs() {
  return {
      {translated(QT_TRANSLATE_NOOP("drs::ui::ExampleSongs", "Paper Boats (folk pop)")),
       QStringLiteral("Folk pop, acoustic guitar, warm female vocals, nostalgic"),
       QStringLiteral("[00:10.00]We folded paper boats along the river side\n"
                      "[00:15.20]And watched them sail away into the evening tide\n"
                      "[00:20.80]You said the world was wide enough for both of us\n"
                      "[00:26.40]I kept your little letters on the morning bus\n"
                      "[00:32.00]Oh paper boats, carry me home\n"
                      "[00:36.50]Over the water, I am not alone\n"
                      "[00:41.20]Oh paper boats, sail through the night\n"
                      "[00:45.80]Follow the river into the light\n"
                      "[00:52.00]The summer ended and the river carried on\n"
                      "[00:57.40]But every paper boat still whispers of the dawn\n"
                      "[01:03.00]Oh paper boats, carry me home\n"
                      "[01:07.50]Over the water, I am not alone\n"
                      "[01:12.20]Oh paper boats, sail through the night\n"
                      "[01:16.80]Follow the river into the light\n"
                      "[01:24.00]\n")},
      {translated(QT_TRANSLATE_NOOP("drs::ui::ExampleSongs", "Neon Runner (synthwave)")),
       QStringLiteral("Synthwave, electronic, driving bass, energetic male vocals"),
       QStringLiteral("[00:08.00]Headlights cutting through the city rain\n"
                      "[00:12.40]Chrome and thunder running in my veins\n"
                      "[00:16.80]Every signal turning into gold\n"
                      "[00:21.00]Tonight the streets will never grow old\n"
                      "[00:26.00]Neon runner, take me higher\n"
                      "[00:30.20]Burning brighter than a wire\n"
                      "[00:34.40]Neon runner, do not slow down\n"
                      "[00:38.60]We own the lights of this electric town\n"
                      "[00:46.00]Radio is playing our favourite song\n"
                      "[00:50.40]The road is ours and the night is long\n"
                      "[00:55.00]Neon runner, take me higher\n"
                      "[00:59.20]Burning brighter than a wire\n"
                      "[01:06.00]\n")},
      {translated(QT_TRANSLATE_NOOP("drs::ui::ExampleSongs", "Kitchen Table Blues (blues)")),
       QStringLiteral("Blues, slow tempo, electric guitar, soulful, melancholic"),
       QStringLiteral("[00:12.00]Coffee getting cold on the kitchen table\n"
                      "[00:18.50]I would call you baby if I was able\n"
                      "[00:25.00]The clock keeps ticking and the rain keeps falling\n"
                      "[00:31.50]I swear I hear your voice in the hallway calling\n"
                      "[00:40.00]Kitchen table blues, that is all I got\n"
                      "[00:46.50]One chair empty and a cold coffee pot\n"
                      "[00:55.00]Maybe in the morning the sun will find me\n"
                      "[01:01.50]Leave these kitchen table blues behind me\n"
                      "[01:10.00]\n")},
      {translated(QT_TRANSLATE_NOOP("drs::ui::ExampleSongs", "Rooftop Summer (Mandopop)")),
       QStringLiteral("Mandopop ballad, piano, acoustic guitar, gentle female vocals, warm, "
                      "nostalgic"),
       QStringLiteral("[00:10.00]屋顶的风吹乱了夏天\n"
                      "[00:15.20]我们数着天上的星星\n"
                      "[00:20.40]城市的灯火像河流\n"
                      "[00:25.60]流过你微笑的眼睛\n"
                      "[00:31.00]别说再见今晚还很长\n"
                      "[00:35.80]把心事都交给月亮\n"
                      "[00:40.60]别说再见我就在这里\n"
                      "[00:45.40]陪你唱到天亮\n"
                      "[00:52.00]后来我们走过很多地方\n"
                      "[00:57.20]总会想起那片屋顶的光\n"
                      "[01:03.00]别说再见今晚还很长\n"
                      "[01:07.80]把心事都交给月亮\n"
                      "[01:14.00]\n")},
  };
}

}  // namespace drs::ui
