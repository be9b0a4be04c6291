// RapidJSON's parse errors in French: user-facing messages must not mix in
// the English of rapidjson::GetParseError_En.
#pragma once

#include <rapidjson/error/error.h>

namespace tec::analysis {

inline const char* json_parse_error_fr(rapidjson::ParseErrorCode code) {
  switch (code) {
    case rapidjson::kParseErrorNone:
      return "aucune erreur";
    case rapidjson::kParseErrorDocumentEmpty:
      return "document vide";
    case rapidjson::kParseErrorDocumentRootNotSingular:
      return "texte en trop après la valeur JSON";
    case rapidjson::kParseErrorValueInvalid:
      return "valeur invalide";
    case rapidjson::kParseErrorObjectMissName:
      return "nom de membre entre guillemets attendu";
    case rapidjson::kParseErrorObjectMissColon:
      return "« : » attendu après le nom du membre";
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket:
      return "« , » ou « } » attendu après un membre d'objet";
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket:
      return "« , » ou « ] » attendu après un élément de tableau";
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex:
      return "chiffres hexadécimaux invalides après \\u dans une chaîne";
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid:
      return "paire de substitution UTF-16 invalide dans une chaîne";
    case rapidjson::kParseErrorStringEscapeInvalid:
      return "échappement invalide dans une chaîne";
    case rapidjson::kParseErrorStringMissQuotationMark:
      return "guillemet fermant manquant dans une chaîne";
    case rapidjson::kParseErrorStringInvalidEncoding:
      return "encodage invalide dans une chaîne";
    case rapidjson::kParseErrorNumberTooBig:
      return "nombre trop grand";
    case rapidjson::kParseErrorNumberMissFraction:
      return "chiffres attendus après la virgule décimale";
    case rapidjson::kParseErrorNumberMissExponent:
      return "chiffres attendus dans l'exposant";
    case rapidjson::kParseErrorTermination:
      return "lecture interrompue";
    case rapidjson::kParseErrorUnspecificSyntaxError:
      return "erreur de syntaxe";
  }
  return "erreur de syntaxe";
}

}  // namespace tec::analysis
