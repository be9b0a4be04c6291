// HTML bodies become text: tags out, entities decoded, blocks on their own lines.
#include "analysis/html_text.h"

#include <gtest/gtest.h>

namespace tec::analysis {
namespace {

TEST(HtmlText, RemovesTagsAndDecodesEntities) {
  EXPECT_EQ(html_to_text("<p>Une d&eacute;marche <strong>concert&eacute;e</strong>&nbsp;: l&rsquo;atelier</p>"),
            "Une démarche concertée\u00A0: l’atelier");
}

TEST(HtmlText, PutsBlocksOnSeparateLines) {
  EXPECT_EQ(html_to_text("<h3>Étapes</h3><ul><li>Informer</li><li>Consulter</li></ul>"), "Étapes\nInformer\nConsulter");
}

TEST(HtmlText, DropsScriptsAndStyles) {
  EXPECT_EQ(html_to_text("<style>p{}</style><p>Texte</p><script>alert(1)</script>"), "Texte");
}

TEST(HtmlText, LeavesPlainTextAlone) {
  EXPECT_EQ(html_to_text("Un texte sans balise,\nsur deux lignes."), "Un texte sans balise,\nsur deux lignes.");
}

TEST(HtmlText, ReadsBrokenMarkupLikeABrowser) {
  EXPECT_EQ(html_to_text("<p>Budget <b>participatif"), "Budget participatif");
  EXPECT_EQ(html_to_text("Coût &lt; 500 &euro; &amp; gratuit"), "Coût < 500 € & gratuit");
}

}  // namespace
}  // namespace tec::analysis
