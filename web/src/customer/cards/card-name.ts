import type { CardProduct, ServiceCard } from './card-types';

/** A card's name in the user's language (the card keeps the zh name; its product has the English one). */
export function cardName(lang: string, card: ServiceCard, products: CardProduct[]): string {
  const product = products.find((p) => p.id === card.productId);
  return lang === 'en' && product?.nameEn ? product.nameEn : card.name;
}
